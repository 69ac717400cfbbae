import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/model/index.js';
import { parseWhen } from '../../../src/core/time/index.js';

// Wednesday 25 November 2026, 10:00 in Paris
const now = Date.parse('2026-11-25T10:00:00+01:00');
const toward = (forward: boolean) => (forward ? 'future' : 'past') as 'future' | 'past';
const opts = (forward: boolean, zone = 'Europe/Paris') => ({ now, zone, toward: toward(forward) });

describe('dates as people type them', () => {
  it.each([
    ['2026-12-01', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['2026-12-01 15:30', true, '2026-12-01', '2026-12-01T15:30+01:00'],
    ['2027-07-01T15:30', true, '2027-07-01', '2027-07-01T15:30+02:00'],
    ['today', true, '2026-11-25', '2026-11-25T10:00+01:00'],
    ['tomorrow', true, '2026-11-26', '2026-11-26T09:00+01:00'],
    ['in 3 days', true, '2026-11-28', '2026-11-28T09:00+01:00'],
    ['2w', true, '2026-12-09', '2026-12-09T09:00+01:00'],
    ['end of month', true, '2026-11-30', '2026-11-30T09:00+01:00'],
    ['friday', true, '2026-11-27', '2026-11-27T09:00+01:00'],
    ['next tuesday', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['yesterday 3pm', false, '2026-11-24', '2026-11-24T15:00+01:00'],
    ['monday', false, '2026-11-23', '2026-11-23T09:00+01:00'],
    ['yesterday', false, '2026-11-24', '2026-11-24T09:00+01:00'],
    ['3 days ago', false, '2026-11-22', '2026-11-22T09:00+01:00'],
    ['in 1 month', true, '2026-12-25', '2026-12-25T09:00+01:00'],
    ['now', false, '2026-11-25', '2026-11-25T10:00+01:00'],
    ['3pm', true, '2026-11-25', '2026-11-25T15:00+01:00'],
    ['friday at 3pm', true, '2026-11-27', '2026-11-27T15:00+01:00'],
    ['next friday', true, '2026-12-04', '2026-12-04T09:00+01:00'],
    ['last friday', false, '2026-11-20', '2026-11-20T09:00+01:00'],
    ['dec 1', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['nov 1', true, '2027-11-01', '2027-11-01T09:00+01:00'], // a future is meant: next year's
    ['nov 1', false, '2026-11-01', '2026-11-01T09:00+01:00'],
    ['end of week', true, '2026-11-27', '2026-11-27T09:00+01:00'], // the working week ends on Friday
    ['next week', true, '2026-11-30', '2026-11-30T09:00+01:00'],
    ['next month', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['  Tomorrow ', true, '2026-11-26', '2026-11-26T09:00+01:00'],
    ['2026-11-27 15:00:59', true, '2026-11-27', '2026-11-27T15:00+01:00'],
    ['2026-11-27T14:00:00.000Z', true, '2026-11-27', '2026-11-27T15:00+01:00'],
    ['2026-11-27T23:30-05:00', true, '2026-11-28', '2026-11-28T05:30+01:00'], // another zone's evening is our morning
    ['2026-11-27 15:00 +0000', true, '2026-11-27', '2026-11-27T16:00+01:00'],
    ['2026-11-27T15:00+02', true, '2026-11-27', '2026-11-27T14:00+01:00'],
  ])('"%s" (forward %s) is %s', async (input, forward, date, at) => {
    expect(await parseWhen(input, opts(forward))).toMatchObject({ date, at });
  });

  it('reads the day in the user zone, not UTC', async () => {
    const late = Date.parse('2026-11-25T23:30:00-05:00'); // already the 26th in UTC
    expect((await parseWhen('today', { now: late, zone: 'America/New_York', toward: 'future' })).date).toBe('2026-11-25');
  });

  it.each([
    // [now, zone, input, forward, date, at]
    ['2026-10-24T10:00:00+02:00', 'Europe/Paris', 'tomorrow 3pm', true, '2026-10-25', '2026-10-25T15:00+01:00'], // the wall clock, after the change
    ['2026-10-26T10:00:00+01:00', 'Europe/Paris', 'yesterday 1am', false, '2026-10-25', '2026-10-25T01:00+02:00'], // before the change
    ['2026-03-28T23:30:00+01:00', 'Europe/Paris', 'tomorrow 2:30am', true, '2026-03-29', '2026-03-29T03:30+02:00'], // in the gap: after it
    ['2026-10-24T23:00:00+02:00', 'Europe/Paris', 'in 5 hours', true, '2026-10-25', '2026-10-25T03:00+01:00'], // real hours, not wall-clock hours
    ['2026-03-07T23:00:00-05:00', 'America/New_York', 'in 3 hours', true, '2026-03-08', '2026-03-08T03:00-04:00'],
    ['2026-03-07T12:00:00-05:00', 'America/New_York', 'tomorrow 9am', true, '2026-03-08', '2026-03-08T09:00-04:00'],
    ['2026-11-25T00:30:00+01:00', 'Europe/Paris', 'friday', true, '2026-11-27', '2026-11-27T09:00+01:00'], // still the 24th in UTC
    ['2026-11-25T23:30:00-05:00', 'America/New_York', 'tomorrow 9am', true, '2026-11-26', '2026-11-26T09:00-05:00'], // already the 26th in UTC
    ['2026-12-30T10:00:00+01:00', 'Europe/Paris', 'next tuesday', true, '2027-01-05', '2027-01-05T09:00+01:00'], // over the year end
    ['2026-12-30T10:00:00+01:00', 'Europe/Paris', 'jan 2', true, '2027-01-02', '2027-01-02T09:00+01:00'],
    ['2028-02-27T10:00:00+01:00', 'Europe/Paris', 'in 2 days', true, '2028-02-29', '2028-02-29T09:00+01:00'],
    ['2028-02-27T10:00:00+01:00', 'Europe/Paris', 'end of month', true, '2028-02-29', '2028-02-29T09:00+01:00'],
    ['2026-11-28T10:00:00+01:00', 'Europe/Paris', 'end of week', true, '2026-12-04', '2026-12-04T09:00+01:00'], // on a Saturday: the coming Friday
    ['2026-01-31T10:00:00+01:00', 'Europe/Paris', 'in 1 month', true, '2026-02-28', '2026-02-28T09:00+01:00'],
  ])('at %s in %s, "%s" (forward %s) is %s, %s', async (at, zone, input, forward, date, expected) => {
    expect(await parseWhen(input, { now: Date.parse(at), zone, toward: toward(forward) })).toMatchObject({ date, at: expected });
  });

  it('says whether a time was given', async () => {
    expect((await parseWhen('friday', opts(true))).hasTime).toBe(false);
    expect((await parseWhen('friday 3pm', opts(true))).hasTime).toBe(true);
    expect((await parseWhen('2026-12-01', opts(true))).hasTime).toBe(false);
    expect((await parseWhen('2026-12-01 08:00', opts(true))).hasTime).toBe(true);
  });

  it('stops a command with a usage error (exit 2) and examples', async () => {
    const error = await parseWhen('fridya', opts(true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'cannot read the date "fridya"' });
    expect((error as UsageError).hint).toMatch(/next tuesday/);
  });

  it.each(['fridya', 'the twelfth of never', 'friday-ish', '2026-02-30', '2026-13-01 10:00', '', 'friday friday', 'by friday or so', 'feb 30', '25:00', '2026-11-27T24:00', '2026-11-27 10:61'])('refuses "%s" and quotes it', async (input) => {
    await expect(parseWhen(input, opts(true))).rejects.toThrow(`"${input}"`);
  });

  it.each([
    // on Tuesday 24 November 2026: what happened is in the past
    ['friday', '2026-11-20'],
    ['friday 3pm', '2026-11-20'],
    ['01/02', '2026-01-02'],
    ['jan 2', '2026-01-02'],
    ['dec 1', '2025-12-01'],
    ['tuesday', '2026-11-24'],
    ['monday', '2026-11-23'],
    ['nov 24', '2026-11-24'],
  ])('--at "%s" on a Tuesday is the last such day, %s', async (input, date) => {
    const tuesday = Date.parse('2026-11-24T10:00:00+01:00');
    expect((await parseWhen(input, { now: tuesday, zone: 'Europe/Paris', toward: 'past' })).date).toBe(date);
  });

  it.each(['tomorrow', 'in 3 days', '2026-12-01', 'next friday', 'today 3pm', '2026-11-25T10:30+01:00', 'end of month'])('refuses a date ahead for what happened: "%s"', async (input) => {
    const error = await parseWhen(input, { ...opts(false), flag: '--at' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(`--at "${input}" is in the future`);
    expect((error as UsageError).hint).toMatch(/when it happened/);
  });

  it('lets a date a few minutes ahead pass as now, since clocks differ', async () => {
    expect((await parseWhen('2026-11-25T10:04+01:00', opts(false))).at).toBe('2026-11-25T10:04+01:00');
  });

  it.each(['last friday', '3 days ago', 'yesterday', '2026-11-01', 'nov 1 2026'])('refuses a past date where a future one is meant: "%s", and names the flag that allows it', async (input) => {
    const error = await parseWhen(input, { ...opts(true), flag: '--by' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(`--by "${input}" is in the past`);
    expect((error as UsageError).hint).toMatch(/--past/);
    expect((await parseWhen(input, { ...opts(true), anyDay: true })).date < '2026-11-25').toBe(true);
  });
});
