// Calendar dates: validity, day arithmetic, weekdays, business days, week and month ends.
// Pure; every date is a YYYY-MM-DD string and no time zone can move it.
import type { FollowUpSettings, IsoDate } from '../model/types.js';
import { pad } from './zone.js';

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
export function addBusinessDays(
  date: IsoDate,
  n: number,
  followup: Pick<FollowUpSettings, 'workdays' | 'holidays'>,
): IsoDate {
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

/** The Sunday that ends the ISO week holding `date`. */
export function endOfWeek(date: IsoDate): IsoDate {
  const dow = new Date(noon(date)).getUTCDay();
  return addDays(date, (7 - dow) % 7);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${pad(y, 4)}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
