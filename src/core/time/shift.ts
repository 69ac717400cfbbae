// Moves every date in a text by a number of days: the demo replays the example team's story
// around today. Pure; touches only real YYYY-MM-DD dates.
import { addDays, isIsoDate } from './calendar.js';

const DATE = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d])/g;

export function shiftDates(text: string, days: number): string {
  return text.replace(DATE, (d) => (isIsoDate(d) ? addDays(d, days) : d));
}
