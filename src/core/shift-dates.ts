// Moves every date in a text by a number of days: the demo replays the example team's story
// around today. Pure; touches only real YYYY-MM-DD dates.
import { isValidDate } from './timeline.js';

const DATE = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d])/g;

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function shiftDates(text: string, days: number): string {
  return text.replace(DATE, (d) => (isValidDate(d) ? shiftDate(d, days) : d));
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
