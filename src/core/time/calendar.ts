// Calendar dates: validity, day arithmetic, weekdays, business days, week and month ends.
// Pure; every date is a YYYY-MM-DD string and no time zone can move it.
import type { FollowUpSettings, IsoDate } from '../model/types.js';
import { KithError } from '../model/errors.js';
import { pad } from './zone.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Every date of every record is checked when files are read: month lengths are worked out
// here, not by building a Date. Years 0 to 99 count as 1900 to 1999, as Date.UTC reads them
// (so 0000-02-29 stays refused, as it always was).
function isLeapYear(year: number): boolean {
  const y = year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 && isLeapYear(Number(m[1])) ? 29 : MONTH_DAYS[mo - 1]!);
}

// Calendar arithmetic runs on UTC noon of each date, so no time zone or DST can move it.
const noon = (date: IsoDate) => Date.parse(`${date}T12:00:00Z`);
const dateOf = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, n: number): IsoDate {
  const ms = noon(date) + n * 86_400_000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    throw new KithError(`cannot add ${n} days to "${date}": the result is not a date`);
  return dateOf(ms);
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

// Every date loop is bounded: a year without one business day (all weekdays holidays, no
// workdays) or a count beyond ten years means the settings are wrong, never an endless loop.
const MAX_SEARCH_DAYS = 366;
const MAX_BUSINESS_DAYS = 2610;

/** n business days after `date` (n = 0: the date itself, or the next business day). */
export function addBusinessDays(
  date: IsoDate,
  n: number,
  followup: Pick<FollowUpSettings, 'workdays' | 'holidays'>,
): IsoDate {
  if (!Number.isInteger(n) || n < 0 || n > MAX_BUSINESS_DAYS)
    throw new KithError(`${n} business days is out of range (0 to ${MAX_BUSINESS_DAYS})`, 'check kith.yaml followup');
  if (!followup.workdays.length) return addDays(date, n);
  const next = (from: IsoDate, after: boolean): IsoDate => {
    let d = after ? addDays(from, 1) : from;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = addDays(d, 1)) if (isBusinessDay(d, followup)) return d;
    throw new KithError(
      `no business day within a year after ${from}: workdays are ${followup.workdays.join(', ')}`,
      'fix followup.workdays and followup.holidays in kith.yaml (`kith check` shows them)',
    );
  };
  let d = next(date, false);
  if (n === 0) return d;
  d = date;
  for (let left = n; left > 0; left--) d = next(d, true);
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
