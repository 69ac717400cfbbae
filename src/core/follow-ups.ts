// Follow-up rules. Placeholder for afterEntry until the full rules module lands.
import type { EntryType, FollowUpSettings, IsoDate, Turn } from './types.js';

function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

export function afterEntry(state: { turn: Turn; next?: IsoDate }, entry: { type: EntryType; ours: boolean; date: IsoDate },
  opts: { turn?: Turn; next?: IsoDate; today: IsoDate; followup: FollowUpSettings }): { turn: Turn; next?: IsoDate } {
  const turn = opts.turn ?? (entry.ours ? (entry.type === 'note' ? (state.turn === 'closed' ? 'us' : state.turn) : 'them') : 'us');
  const next = opts.next ?? (entry.ours && entry.type === 'note' ? state.next : addDays(entry.date, turn === 'us' ? opts.followup.reply_days : opts.followup.nudge_days));
  return { turn, next };
}
