import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, addDuration, daysBetween, endOfMonth, endOfWeek, formatDateTime, instantOf, isBusinessDay, isIsoDate, localDate, parseDuration, weekday, zoneOffset } from '../../../src/core/time/index.js';
import { DEFAULT_FOLLOWUP } from '../../../src/core/model/index.js';

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
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T03:30-04:00'], // spring gap
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T01:30-04:00'], // autumn overlap: the earlier
    ['2026-11-01', '02:30', 'America/New_York', '2026-11-01T02:30-05:00'], // just after the overlap
    ['2026-03-29', '01:00', 'Europe/London', '2026-03-29T02:00+01:00'], // London's gap is at 01:00
    ['2026-09-06', '00:00', 'America/Santiago', '2026-09-06T01:00-03:00'], // a gap at midnight
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-04T02:45+11:00'], // a half-hour gap
    ['2026-12-31', '23:59', 'Pacific/Kiritimati', '2026-12-31T23:59+14:00'],
  ])('local %s %s in %s is %s', (date, time, zone, expected) => {
    expect(formatDateTime(instantOf(date, time, zone), zone)).toBe(expected);
  });

  it.each([
    ['2026-01-15T12:00:00Z', 'Europe/Paris', '+01:00'],
    ['2026-07-15T12:00:00Z', 'Europe/Paris', '+02:00'],
    ['2026-03-08T06:59:00Z', 'America/New_York', '-05:00'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '-04:00'],
    ['2026-07-15T12:00:00Z', 'Asia/Kolkata', '+05:30'],
    ['2026-07-15T12:00:00Z', 'America/St_Johns', '-02:30'],
    ['2026-07-15T12:00:00Z', 'UTC', '+00:00'],
  ])('the offset at %s in %s is %s', (instant, zone, expected) => {
    expect(zoneOffset(ms(instant), zone)).toBe(expected);
  });

  it.each([
    ['2026-12-31T23:00:00Z', 'Europe/Paris', '2027-01-01'], // the new year comes earlier east of UTC
    ['2027-01-01T03:00:00Z', 'America/New_York', '2026-12-31'],
    ['2028-02-29T23:30:00Z', 'Europe/Paris', '2028-03-01'],
    ['2026-10-31T23:30:00Z', 'Europe/Paris', '2026-11-01'],
  ])('the instant %s in %s falls on %s', (instant, zone, expected) => {
    expect(localDate(ms(instant), zone)).toBe(expected);
  });

  it('round-trips every half hour of a DST day through instantOf and formatDateTime', () => {
    for (const zone of ['Europe/Paris', 'America/New_York']) {
      const day = zone === 'Europe/Paris' ? '2026-10-25' : '2026-11-01';
      for (let h = 0; h < 24; h++) {
        for (const m of ['00', '30']) {
          const time = `${String(h).padStart(2, '0')}:${m}`;
          expect(formatDateTime(instantOf(day, time, zone), zone).slice(0, 16)).toBe(`${day}T${time}`);
        }
      }
    }
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-03-28', 1, '2026-03-29'], // over a DST change nothing moves: dates have no clock
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-25', 400, '2027-12-30'],
  ])('%s + %d days = %s, and back', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
    expect(daysBetween(expected, date)).toBe(0 - n || 0); // not -0
  });

  it.each([
    ['2026-11-23', 'mon'], ['2026-11-25', 'wed'], ['2026-11-29', 'sun'], ['2028-02-29', 'tue'], ['2027-01-01', 'fri'],
  ])('%s is a %s', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  it.each([
    ['2026-11-25', true], ['2028-02-29', true], ['2026-02-29', false], ['2026-02-30', false], ['2026-13-01', false],
    ['2026-00-10', false], ['2026-11-31', false], ['2026-1-5', false], ['26-11-25', false], ['2026-11-25T10:00', false], ['', false],
  ])('isIsoDate(%j) is %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('knows month lengths and leap years as the Date calendar does, for any year', () => {
    // the Date calendar read years 0 to 99 as 1900 to 1999: year 0000 has no 29 February
    const byDate = (y: number, mo: number, d: number) =>
      mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const y of [0, 4, 50, 96, 99, 100, 400, 1900, 1996, 2000, 2023, 2024, 2026, 2100, 9999])
      for (let mo = 0; mo <= 13; mo++)
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
          expect(isIsoDate(text), text).toBe(byDate(y, mo, d));
        }
  });

  it.each([
    ['2026-11-25', '2026-11-30'], ['2028-02-10', '2028-02-29'], ['2026-02-01', '2026-02-28'], ['2026-12-31', '2026-12-31'],
  ])('the month of %s ends on %s', (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });
});

describe('business days', () => {
  const f = { ...DEFAULT_FOLLOWUP, holidays: ['2026-12-25', '2027-01-01'] };

  it.each([
    ['2026-11-27', true], ['2026-11-28', false], ['2026-11-29', false], ['2026-12-25', false], ['2026-12-24', true],
  ])('%s is a business day: %s', (date, expected) => {
    expect(isBusinessDay(date, f)).toBe(expected);
  });

  it('follows the team\'s own working week', () => {
    const sunToThu = { workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], holidays: [] };
    expect(isBusinessDay('2026-11-27', sunToThu)).toBe(false); // a Friday
    expect(addBusinessDays('2026-11-26', 1, sunToThu)).toBe('2026-11-29'); // Thu + 1 = Sun
    expect(addBusinessDays('2026-11-26', 3, { workdays: [], holidays: [] })).toBe('2026-11-29'); // no workdays: calendar days
  });

  it.each([
    ['2026-11-25', 2, '2026-11-27'], // Wed + 2 = Fri
    ['2026-11-27', 2, '2026-12-01'], // Fri + 2 = Tue, over the weekend
    ['2026-12-24', 1, '2026-12-28'], // Thu + 1 skips Christmas and the weekend
    ['2026-12-31', 1, '2027-01-04'], // over New Year's Day and the weekend
    ['2026-11-28', 0, '2026-11-30'], // Saturday + 0: the next business day
    ['2026-11-25', 0, '2026-11-25'], // a business day + 0: itself
    ['2026-11-28', 1, '2026-11-30'], // Saturday + 1 = Monday
    ['2026-11-26', 5, '2026-12-03'], // a whole week, over a month end
    ['2026-03-27', 1, '2026-03-30'], // over the DST weekend, nothing special
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
    ['1y', '2027-02-28', '2028-02-28'],
    ['monthly', '2026-12-31', '2027-01-31'], // over the year end
    ['3m', '2026-11-30', '2027-02-28'],
    ['12m', '2026-03-31', '2027-03-31'],
    ['daily', '2026-12-31', '2027-01-01'],
    ['weekly', '2026-12-28', '2027-01-04'],
    ['14 days', '2026-02-20', '2026-03-06'],
  ])('%s after %s is %s', (text, date, expected) => {
    expect(addDuration(date, parseDuration(text)!)).toBe(expected);
  });

  it.each([
    ['14d', { days: 14 }], ['2w', { days: 14 }], ['3m', { months: 3 }], ['1y', { months: 12 }], [' 90D ', { days: 90 }],
    ['daily', { days: 1 }], ['weekly', { days: 7 }], ['monthly', { months: 1 }], ['quarterly', { months: 3 }], ['yearly', { months: 12 }],
  ])('reads %j as %o', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['soonish', '', 'd', '-3d', '1.5w', '3x', 'every 3 days'])('rejects %j, which is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('counts months back as well as forward, still clamping to the month end', () => {
    expect(addDuration('2026-03-31', { months: -1 })).toBe('2026-02-28');
    expect(addDuration('2027-01-15', { months: -2 })).toBe('2026-11-15');
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-11-25')).toBe('2026-11-29');
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29');
  });
});
