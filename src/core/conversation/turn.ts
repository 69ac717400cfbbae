// Whose turn it is after an entry, and by when the next word is due. Pure.
import type { EntryType, FollowUpSettings, IsoDate, Turn } from '../model/types.js';
import { addBusinessDays, addDays } from '../time/calendar.js';

/**
 * Whose turn after an entry, and by when. A note from us changes nothing (it is a memo, not
 * a word to them) but dates a conversation that has no next date; a call, meeting or mail
 * from us hands the turn to them, with the nudge interval; anything from them hands it to
 * us, with the reply window in business days.
 * An explicit turn or next wins. A new entry in a closed conversation reopens it.
 */
export function afterEntry(
  state: { turn: Turn; next?: IsoDate },
  entry: { type: EntryType; ours: boolean; date: IsoDate },
  opts: { turn?: Turn; next?: IsoDate; today: IsoDate; followup: FollowUpSettings },
): { turn: Turn; next?: IsoDate } {
  const f = opts.followup;
  let turn: Turn;
  let next: IsoDate | undefined;
  if (!entry.ours) {
    turn = 'us';
    next = addBusinessDays(entry.date, f.reply_days, f);
  } else if (entry.type === 'note') {
    turn = state.turn === 'closed' ? 'us' : state.turn;
    next = state.turn === 'closed' ? opts.today : state.next;
    // a conversation begun with a note (or left without a date) still gets one: never forgotten
    if (next === undefined)
      next = turn === 'them' ? addDays(entry.date, f.nudge_days) : addBusinessDays(entry.date, f.reply_days, f);
  } else {
    turn = 'them';
    next = addDays(entry.date, f.nudge_days);
  }
  if (opts.turn && opts.turn !== turn) {
    turn = opts.turn;
    // a closed conversation waits for nobody: it has no next date
    next =
      turn === 'us'
        ? addBusinessDays(entry.date, f.reply_days, f)
        : turn === 'them'
          ? addDays(entry.date, f.nudge_days)
          : undefined;
  }
  return { turn, next: opts.next ?? next };
}
