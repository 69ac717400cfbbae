import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/core/when.js';

// Wednesday 25 November 2026, 10:00 in Paris
const now = Date.parse('2026-11-25T10:00:00+01:00');
const opts = (forward: boolean, zone = 'Europe/Paris') => ({ now, zone, forward });

describe('dates as people type them', () => {
  it.each([
    ['2026-12-01', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['2026-12-01 15:30', true, '2026-12-01', '2026-12-01T15:30+01:00'],
    ['2026-07-01T15:30', true, '2026-07-01', '2026-07-01T15:30+02:00'],
    ['today', true, '2026-11-25', '2026-11-25T10:00+01:00'],
    ['tomorrow', true, '2026-11-26', '2026-11-26T09:00+01:00'],
    ['in 3 days', true, '2026-11-28', '2026-11-28T09:00+01:00'],
    ['2w', true, '2026-12-09', '2026-12-09T09:00+01:00'],
    ['end of month', true, '2026-11-30', '2026-11-30T09:00+01:00'],
    ['friday', true, '2026-11-27', '2026-11-27T09:00+01:00'],
    ['next tuesday', true, '2026-12-01', '2026-12-01T09:00+01:00'],
    ['yesterday 3pm', false, '2026-11-24', '2026-11-24T15:00+01:00'],
    ['monday', false, '2026-11-23', '2026-11-23T09:00+01:00'],
  ])('"%s" (forward %s) is %s', async (input, forward, date, at) => {
    expect(await parseWhen(input, opts(forward))).toMatchObject({ date, at });
  });

  it('reads the day in the user zone, not UTC', async () => {
    const late = Date.parse('2026-11-25T23:30:00-05:00'); // already the 26th in UTC
    expect((await parseWhen('today', { now: late, zone: 'America/New_York', forward: true })).date).toBe('2026-11-25');
  });

  it.each(['fridya', 'the twelfth of never', 'friday-ish', '2026-02-30', '2026-13-01 10:00'])('refuses "%s" and quotes it', async (input) => {
    await expect(parseWhen(input, opts(true))).rejects.toThrow(`"${input}"`);
  });
});
