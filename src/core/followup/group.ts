// Due items in order of urgency, and grouped Overdue / Today / This week / Later. Pure.
import type { IsoDate } from '../model/types.js';
import { endOfWeek } from '../time/calendar.js';
import type { DueItem, DueKind } from './due.js';

// Inside a day, what to do first: what we promised, then what they owe, then the rest.
const PRIORITY: Record<DueKind, number> = {
  promise: 0,
  chase: 1,
  reply: 2,
  nudge: 3,
  deal: 4,
  reconnect: 5,
  settle: 6,
};

// one collator for every comparison: String#localeCompare builds one per call, and a big
// repository sorts tens of thousands of items; made on the first (a kept list sorts nothing)
let collator: Intl.Collator | undefined;

export function byUrgency(a: DueItem, b: DueItem): number {
  // ISO dates sort as plain strings
  const byDate = a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
  return (
    byDate || PRIORITY[a.kind] - PRIORITY[b.kind] || (collator ??= new Intl.Collator('en')).compare(a.title, b.title)
  );
}

export interface DueGroups {
  readonly overdue: DueItem[];
  readonly today: DueItem[];
  /** The rest of the current week, through Sunday. */
  readonly week: DueItem[];
  readonly later: DueItem[];
}

export const GROUP_LABELS: Readonly<Record<keyof DueGroups, string>> = {
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
};

export function groupItems(items: readonly DueItem[], today: IsoDate): DueGroups {
  const sunday = endOfWeek(today);
  const groups: DueGroups = { overdue: [], today: [], week: [], later: [] };
  for (const i of [...items].sort(byUrgency)) {
    if (i.due < today) groups.overdue.push(i);
    else if (i.due === today) groups.today.push(i);
    else if (i.due <= sunday) groups.week.push(i);
    else groups.later.push(i);
  }
  return groups;
}
