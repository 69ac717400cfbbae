// The zone arithmetic reads each day's offset once: it must give what Intl gives for every
// instant, across DST changes, half-hour zones, a skipped day and pre-1970 local mean time.
import { describe, expect, it } from 'vitest';
import { formatDateTime, localDate, offsetMinutes } from '../../../src/core/time/zone.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function reference(instant: number, zone: string) {
  const f =
    formats.get(zone) ??
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  formats.set(zone, f);
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Africa/Casablanca',
  'America/Sao_Paulo',
  'Europe/Amsterdam',
  'UTC',
];

describe('local time in a zone', () => {
  it('matches Intl every 29 minutes through two years of changes in each zone', () => {
    for (const zone of ZONES) {
      const from = zone === 'Pacific/Apia' ? Date.UTC(2011, 0, 1) : Date.UTC(2025, 0, 1);
      for (let t = from; t < from + 2 * 365 * 86_400_000; t += 29 * 60_000 + 13_000) {
        const got = formatDateTime(t, zone).slice(0, 16);
        if (got !== reference(t, zone)) expect([zone, new Date(t).toISOString(), got]).toEqual(reference(t, zone));
      }
    }
  });

  it('matches Intl for instants before 1970 and far ahead, offsets in seconds included', () => {
    for (const zone of [...ZONES, 'Europe/Dublin', 'Africa/Monrovia']) {
      for (const year of [1890, 1912, 1937, 1969, 2038, 2099]) {
        const t = Date.UTC(year, 5, 15, 23, 59, 30);
        expect(formatDateTime(t, zone).slice(0, 16)).toBe(reference(t, zone));
        expect(localDate(t, zone)).toBe(reference(t, zone).slice(0, 10));
      }
    }
  });

  it('gives the offset on both sides of a change', () => {
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Paris')).toBe(120);
    expect(offsetMinutes(Date.UTC(2011, 11, 29, 9, 59), 'Pacific/Apia')).toBe(-600);
    expect(offsetMinutes(Date.UTC(2011, 11, 30, 10, 0), 'Pacific/Apia')).toBe(840);
  });
});
