// Dates as people type them. Placeholder accepting ISO dates only, until natural dates land.
import { UsageError } from './errors.js';
import { isValidDate } from './timeline.js';

export async function parseWhen(input: string, opts: { now: number; zone: string; forward: boolean }): Promise<{ date: string; at: string; hasTime: boolean }> {
  void opts;
  if (isValidDate(input.trim())) return { date: input.trim(), at: input.trim(), hasTime: false };
  throw new UsageError(`cannot read the date "${input}"`, 'write it as YYYY-MM-DD');
}
