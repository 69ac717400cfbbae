// Instants in the user's IANA time zone: offsets, local dates, wall-clock times across DST.
// Pure: "now" always comes in as a parameter. Must not load chrono-node (see when.ts).
import type { IsoDate, IsoDateTime } from '../model/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function exactParts(instant: number, zone: string): Parts {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(new Date(instant)))
    if (type !== 'literal') p[type] = Number(value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

// formatToParts costs microseconds a call, and a listing asks it for every entry's day. A zone's
// offset is the same from one UTC midnight to the next but for the days it changes, so it is
// looked up once at each day's two ends; a day whose ends differ is read call by call. (A change
// and its reversal within one day would be missed: no zone has had one since time zones exist.)
const DAY = 86_400_000;
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds the zone is ahead of UTC at a UTC midnight, looked up once. */
function offsetAtMidnight(day: number, zone: string): number {
  let byDay = offsets.get(zone);
  if (!byDay) offsets.set(zone, (byDay = new Map()));
  let off = byDay.get(day);
  if (off === undefined) {
    const p = exactParts(day * DAY, zone);
    off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - day * DAY;
    byDay.set(day, off);
  }
  return off;
}

function partsOf(instant: number, zone: string): Parts {
  const day = Math.floor(instant / DAY);
  const off = offsetAtMidnight(day, zone);
  if (off !== offsetAtMidnight(day + 1, zone) || off % 1000 !== 0) return exactParts(instant, zone);
  const d = new Date(Math.floor(instant / 1000) * 1000 + off);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(instant: number, zone: string): number {
  const p = partsOf(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

export function zoneOffset(instant: number, zone: string): string {
  const off = offsetMinutes(instant, zone);
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * The day an entry happened for the one reading it: its instant's date in the reader's zone
 * (a mail sent at 23:30 in New York is next morning in Paris); its own date when no zone is given.
 */
export function dayOf(at: IsoDateTime, zone?: string): IsoDate {
  const ms = zone ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? at.slice(0, 10) : localDate(ms, zone!);
}

export function localDate(instant: number, zone: string): IsoDate {
  const p = partsOf(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `2026-11-20T14:30+01:00`: minutes precision, with the zone's offset at that instant. */
export function formatDateTime(instant: number, zone: string): IsoDateTime {
  const p = partsOf(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${zoneOffset(instant, zone)}`;
}

/**
 * The instant of a local wall-clock time. In a DST gap (02:30 on a spring-forward night)
 * the time is read with the offset from before the change, landing after the gap; in an
 * overlap the earlier of the two instants is taken.
 */
export function instantOf(date: IsoDate, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetMinutes(wall - 86_400_000, zone);
  const after = offsetMinutes(wall + 86_400_000, zone);
  const candidates = [wall - before * 60000, wall - after * 60000].filter((t) => {
    const p = partsOf(t, zone);
    return p.hour === hh && p.minute === mm && p.day === d;
  });
  return candidates.length ? Math.min(...candidates) : wall - before * 60000;
}

/** Milliseconds since the epoch for a stored moment; a bare date counts as its noon UTC. */
export function instant(at: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return Date.parse(`${at}T12:00:00Z`);
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(at);
  return Date.parse(hasZone ? at : `${at}Z`);
}
