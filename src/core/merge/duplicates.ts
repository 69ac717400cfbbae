// Files that hold one record twice: the same id in two files of a kind, or two conversations
// of one mail thread (the same `thread:` or the same message filed in both), as when two
// teammates imported a thread in a different order. Each group becomes one file. Pure.
import type { AnyRecord } from '../model/types.js';
import { instant } from '../time/zone.js';

export interface Duplicates {
  /** The file that stays. */
  readonly into: string;
  /** The files merged into it, in path order. */
  readonly from: readonly string[];
}

/** The keys that make two records one. */
function keysOf(r: AnyRecord): string[] {
  const keys = r.id ? [`${r.kind}:${r.id}`] : [];
  if (r.kind !== 'conversation') return keys;
  if (typeof r.data.thread === 'string' && r.data.thread) keys.push(`thread:${r.data.thread}`);
  for (const e of r.entries) if (e.meta['message-id']) keys.push(`message:${e.meta['message-id']}`);
  return keys;
}

/** The oldest entry's time: a thread's file is the one holding its first message. */
const firstAt = (r: AnyRecord) =>
  r.kind === 'conversation' && r.entries.length ? Math.min(...r.entries.map((e) => instant(e.at))) : Infinity;

/** Groups of files that are one record, each with the file that stays. */
export function findDuplicates(records: readonly AnyRecord[]): Duplicates[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const owner = new Map<string, string>();
  for (const r of records) {
    for (const key of keysOf(r)) {
      const seen = owner.get(key);
      if (!seen) owner.set(key, r.path);
      else if (find(seen) !== find(r.path)) {
        // the path that sorts first is the group's name, so the grouping ignores input order
        const [a, b] = [find(seen), find(r.path)].sort() as [string, string];
        parent.set(b, a);
      }
    }
  }
  const groups = new Map<string, AnyRecord[]>();
  for (const r of records) groups.set(find(r.path), [...(groups.get(find(r.path)) ?? []), r]);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      // the file with the thread's first message; else the shorter name (jane before jane-2)
      const [keep] = [...g].sort(
        (a, b) => firstAt(a) - firstAt(b) || a.path.length - b.path.length || (a.path < b.path ? -1 : 1),
      );
      const from = g
        .map((r) => r.path)
        .filter((p) => p !== keep!.path)
        .sort();
      return { into: keep!.path, from };
    })
    .sort((a, b) => (a.into < b.into ? -1 : 1));
}
