// The merge rules of each file: how list items are matched, the order lists end in, and which
// value wins when both sides changed one differently. Documented in templates/README.md
// ("When two people change the same record"); pure.
import { canonical, firstValue, isMapping, type Pick, type ValueRules } from './values.js';

export type MergeKind = 'contact' | 'org' | 'deal' | 'conversation' | 'settings';

export interface RuleContext {
  /** Which side added the newest timeline entry, when both added some at different times. */
  readonly newer?: 'ours' | 'theirs';
  /** The stage of the newest row of the merged history (deals). */
  readonly stage?: string;
}

// Whoever owes a word wins: a follow-up is never dropped by a merge.
const TURN_RANK: Readonly<Record<string, number>> = { us: 0, them: 1, closed: 2 };

const at = (path: readonly string[], ...keys: string[]) =>
  path.length === keys.length && keys.every((k, i) => path[i] === k);

function itemKey(kind: MergeKind, path: readonly string[], item: unknown): string {
  if (isMapping(item)) {
    if (kind === 'settings' && at(path, 'members') && typeof item.handle === 'string') return item.handle;
    if (kind === 'settings' && at(path, 'stages') && typeof item.name === 'string') return item.name;
    if (typeof item.id === 'string' && item.id) return item.id;
  }
  if (kind === 'settings' && at(path, 'stages') && typeof item === 'string') return item;
  return canonical(item);
}

/** Sorted by the date under `key` (stable: one date keeps the merged order), when every item has one. */
function byDate(items: unknown[], key: string): unknown[] {
  const dated = items.map((v, i) => ({ v, i, d: isMapping(v) ? v[key] : undefined }));
  if (!dated.every((x) => typeof x.d === 'string')) return items;
  return dated.sort((a, b) => (a.d! < b.d! ? -1 : a.d! > b.d! ? 1 : a.i - b.i)).map((x) => x.v);
}

function arrange(kind: MergeKind, path: readonly string[], items: unknown[]): unknown[] {
  if (kind === 'deal' && at(path, 'history')) return byDate(items, 'at');
  if (kind === 'conversation' && at(path, 'promises')) return byDate(items, 'made');
  return items;
}

function pick(kind: MergeKind, ctx: RuleContext, path: readonly string[], ours: unknown, theirs: unknown): Pick {
  // the earlier creation date is the true one; nothing else to keep
  if (at(path, 'created')) return { value: firstValue(ours, theirs), keep: false };
  // whose turn and the next date follow the newest entry, as if the entries had been logged in
  // date order; the other side's entries are all there, so nothing is lost
  if (kind === 'conversation' && (at(path, 'turn') || at(path, 'next')) && ctx.newer)
    return { value: ctx.newer === 'ours' ? ours : theirs, keep: false };
  if (kind === 'deal' && at(path, 'stage') && (ctx.stage === ours || ctx.stage === theirs))
    return { value: ctx.stage, keep: true };
  if (kind === 'conversation' && at(path, 'turn')) {
    const rank = (v: unknown) => TURN_RANK[String(v)] ?? 3;
    const value = rank(ours) === rank(theirs) ? firstValue(ours, theirs) : rank(ours) < rank(theirs) ? ours : theirs;
    return { value, keep: true };
  }
  // anything else: the value that sorts first (the earlier date, the smaller number)
  return { value: firstValue(ours, theirs), keep: true };
}

/** The rules for one kind of file; the context comes from the timeline and history merges. */
export function rulesFor(kind: MergeKind, ctx: RuleContext = {}): ValueRules {
  return {
    itemKey: (path, item) => itemKey(kind, path, item),
    arrange: (path, items) => arrange(kind, path, items),
    pick: (path, ours, theirs) => pick(kind, ctx, path, ours, theirs),
  };
}
