// Date maths in the user's IANA time zone: local dates, offsets, business days, durations.
// Pure: "now" always comes in as a parameter. Must not load chrono-node (see when.ts).
import type { FollowUpSettings, IsoDate, IsoDateTime } from './types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number }

function partsOf(instant: number, zone: string): Parts {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(new Date(instant))) if (type !== 'literal') p[type] = Number(value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

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

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

// Calendar arithmetic runs on UTC noon of each date, so no time zone or DST can move it.
const noon = (date: IsoDate) => Date.parse(`${date}T12:00:00Z`);
const dateOf = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, n: number): IsoDate {
  return dateOf(noon(date) + n * 86_400_000);
}

/** Calendar days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((noon(b) - noon(a)) / 86_400_000);
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function weekday(date: IsoDate): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(noon(date)).getUTCDay()]!;
}

export function isBusinessDay(date: IsoDate, followup: Pick<FollowUpSettings, 'workdays' | 'holidays'>): boolean {
  return followup.workdays.includes(weekday(date)) && !followup.holidays.includes(date);
}

/** n business days after `date` (n = 0: the date itself, or the next business day). */
export function addBusinessDays(date: IsoDate, n: number, followup: Pick<FollowUpSettings, 'workdays' | 'holidays'>): IsoDate {
  if (!followup.workdays.length) return addDays(date, n);
  let d = date;
  let left = n;
  if (left === 0) {
    while (!isBusinessDay(d, followup)) d = addDays(d, 1);
    return d;
  }
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d, followup)) left--;
  }
  return d;
}

export interface Duration {
  readonly days?: number;
  readonly months?: number;
}

const NAMED: Record<string, Duration> = {
  daily: { days: 1 }, weekly: { days: 7 }, fortnightly: { days: 14 }, biweekly: { days: 14 },
  monthly: { months: 1 }, quarterly: { months: 3 }, yearly: { months: 12 }, annually: { months: 12 },
};

/** 14d, 2w, 3m, 1y, quarterly... -> a duration; anything else -> undefined. */
export function parseDuration(text: string): Duration | undefined {
  const t = text.trim().toLowerCase();
  if (NAMED[t]) return NAMED[t];
  const m = /^(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]![0]) {
    case 'd': return { days: n };
    case 'w': return { days: 7 * n };
    case 'm': return { months: n };
    default: return { months: 12 * n };
  }
}

/** Adds a duration; months clamp to the month's end (Jan 31 + 1m = Feb 28 or 29). */
export function addDuration(date: IsoDate, d: Duration): IsoDate {
  let out = date;
  if (d.months) {
    const [y, m, day] = date.split('-').map(Number) as [number, number, number];
    const total = y * 12 + (m - 1) + d.months;
    const ny = Math.floor(total / 12);
    const nm = (total % 12) + 1;
    const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
    out = `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(day, last))}`;
  }
  return d.days ? addDays(out, d.days) : out;
}

/** The Sunday that ends the ISO week holding `date`. */
export function endOfWeek(date: IsoDate): IsoDate {
  const dow = new Date(noon(date)).getUTCDay();
  return addDays(date, (7 - dow) % 7);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${pad(y, 4)}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
