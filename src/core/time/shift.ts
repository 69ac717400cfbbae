// Moves every date in a text by a number of days: the demo replays the example team's story
// around today. Pure; touches real YYYY-MM-DD dates, and dates in words ("24 November",
// "December 1") when it knows the day the story is told, so a mail's text stays true.
import type { IsoDate } from '../model/types.js';
import { addDays, daysBetween, isIsoDate } from './calendar.js';

const DATE = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d])/g;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore
const NAMES = MONTHS.join('|');
// "24 November" or "November 24", not followed by a year (that would be a date of its own)
const IN_WORDS = new RegExp(`\\b(?:(\\d{1,2}) (${NAMES})|(${NAMES}) (\\d{1,2}))\\b(?!,? \\d{4})`, 'g');

const pad = (n: number) => String(n).padStart(2, '0');

/** The date a day and month name mean when told on `around`: the nearest such date. */
function nearest(day: number, month: number, around: IsoDate): IsoDate | undefined {
  const year = Number(around.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => `${y}-${pad(month + 1)}-${pad(day)}`).filter(isIsoDate);
  return candidates.sort((a, b) => Math.abs(daysBetween(around, a)) - Math.abs(daysBetween(around, b)))[0];
}

export function shiftDates(text: string, days: number, anchor?: IsoDate): string {
  const shifted = text.replace(DATE, (d) => (isIsoDate(d) ? addDays(d, days) : d));
  if (!anchor) return shifted;
  return shifted.replace(IN_WORDS, (whole, d1?: string, m1?: string, m2?: string, d2?: string) => {
    const month = MONTHS.indexOf((m1 ?? m2)!);
    const date = nearest(Number(d1 ?? d2), month, anchor);
    if (!date) return whole;
    const moved = addDays(date, days);
    const [movedDay, movedMonth] = [Number(moved.slice(8, 10)), MONTHS[Number(moved.slice(5, 7)) - 1]!];
    return d1 ? `${movedDay} ${movedMonth}` : `${movedMonth} ${movedDay}`;
  });
}
