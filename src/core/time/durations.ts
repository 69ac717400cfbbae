// Durations as people write them (14d, 2w, 3m, quarterly) and adding them to dates. Pure.
import type { IsoDate } from '../model/types.js';
import { KithError } from '../model/errors.js';
import { addDays } from './calendar.js';
import { pad } from './zone.js';

export interface Duration {
  readonly days?: number;
  readonly months?: number;
}

const NAMED: Record<string, Duration> = {
  daily: { days: 1 },
  weekly: { days: 7 },
  fortnightly: { days: 14 },
  biweekly: { days: 14 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  yearly: { months: 12 },
  annually: { months: 12 },
};

/** 14d, 2w, 3m, 1y, quarterly... -> a duration; anything else -> undefined. */
export function parseDuration(text: string): Duration | undefined {
  const t = text.trim().toLowerCase();
  if (NAMED[t]) return NAMED[t];
  const m = /^(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]![0]) {
    case 'd':
      return { days: n };
    case 'w':
      return { days: 7 * n };
    case 'm':
      return { months: n };
    default:
      return { months: 12 * n };
  }
}

/** Adds a duration; months clamp to the month's end (Jan 31 + 1m = Feb 28 or 29). */
export function addDuration(date: IsoDate, d: Duration): IsoDate {
  // beyond a century a duration is a typo; Date would give "Invalid time value" naming nothing
  if (!(durationDays(d) <= 36_600)) throw new KithError(`a duration of ${durationDays(d)} days is too long`);
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

/** A duration's length in days, months counted long (31 days): enough to bound it. */
export function durationDays(d: Duration): number {
  return (d.days ?? 0) + (d.months ?? 0) * 31;
}
