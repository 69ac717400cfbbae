import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDuration, endOfWeek, formatDateTime, instantOf, localDate, parseDuration, zoneOffset } from '../../src/core/dates.js';
import { DEFAULT_FOLLOWUP } from '../../src/core/types.js';

const ms = (iso: string) => Date.parse(iso);

describe('dates in a time zone', () => {
  it.each([
    ['2026-03-29T00:59:00Z', 'Europe/Paris', '2026-03-29T01:59+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00+02:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Paris', '2026-10-25T02:30+02:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Paris', '2026-10-25T02:30+01:00'],
    ['2026-11-25T04:00:00Z', 'America/New_York', '2026-11-24T23:00-05:00'],
    ['2026-12-31T23:30:00Z', 'Asia/Kolkata', '2027-01-01T05:00+05:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(formatDateTime(ms(instant), zone)).toBe(expected);
    expect(localDate(ms(instant), zone)).toBe(expected.slice(0, 10));
  });

  it.each([
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T03:30+02:00'], // in the spring gap: after it
    ['2026-10-25', '02:30', 'Europe/Paris', '2026-10-25T02:30+02:00'], // in the autumn overlap: the earlier
    ['2026-07-01', '09:00', 'America/New_York', '2026-07-01T09:00-04:00'],
  ])('local %s %s in %s is %s', (date, time, zone, expected) => {
    expect(formatDateTime(instantOf(date, time, zone), zone)).toBe(expected);
  });

  it('knows the offset of a zone at an instant', () => {
    expect(zoneOffset(ms('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe('+01:00');
    expect(zoneOffset(ms('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe('+02:00');
  });
});

describe('business days', () => {
  const f = { ...DEFAULT_FOLLOWUP, holidays: ['2026-12-25', '2027-01-01'] };
  it.each([
    ['2026-11-25', 2, '2026-11-27'], // Wed + 2 = Fri
    ['2026-11-27', 2, '2026-12-01'], // Fri + 2 = Tue, over the weekend
    ['2026-12-24', 1, '2026-12-28'], // Thu + 1 skips Christmas and the weekend
    ['2026-12-31', 1, '2027-01-04'], // over New Year's Day and the weekend
    ['2026-11-28', 0, '2026-11-30'], // Saturday + 0: the next business day
  ])('%s + %d business days = %s', (date, n, expected) => {
    expect(addBusinessDays(date, n, f)).toBe(expected);
  });
});

describe('durations', () => {
  it.each([
    ['90d', '2026-11-25', '2027-02-23'],
    ['2w', '2026-11-25', '2026-12-09'],
    ['1m', '2026-01-31', '2026-02-28'],
    ['1m', '2028-01-31', '2028-02-29'],
    ['quarterly', '2026-11-30', '2027-02-28'],
    ['yearly', '2028-02-29', '2029-02-28'],
  ])('%s after %s is %s', (text, date, expected) => {
    expect(addDuration(date, parseDuration(text)!)).toBe(expected);
  });

  it('rejects what is not a duration', () => {
    expect(parseDuration('soonish')).toBeUndefined();
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-11-25')).toBe('2026-11-29');
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29');
  });
});
