// One file per record: files found holding the same record (same id, or one mail thread in two
// conversations) are merged into one, every entry once, and references to the files that go
// follow to the one that stays. Returns the change; committing it is the caller's.
import { findDuplicates, type Duplicates } from '../../core/merge/index.js';
import { quotePath, referenceChanges, type AnyRecord } from '../../core/model/index.js';
import { kindOfPath, slugOfPath } from '../layout.js';
import type { Change } from '../repo.js';
import { mergeFile } from './file.js';
import { replaySlugChange } from './replay.js';

export interface Unified extends Duplicates {
  /** Why a group could not be merged (a version that cannot be read); it is left as it is. */
  readonly skipped?: string;
}

/** The writes that make each group of duplicates one file; `read` gives a file's text now. */
export function unifyDuplicates(
  records: readonly AnyRecord[],
  read: (path: string) => string,
): { unified: Unified[]; change?: Change } {
  const writes = new Map<string, string>();
  const removes: string[] = [];
  const unified: Unified[] = [];
  for (const group of findDuplicates(records)) {
    let text = read(group.into);
    let skipped: string | undefined;
    for (const path of group.from) {
      // no common version: what both files say is united, what they disagree on is kept
      const r = mergeFile(group.into, undefined, text, read(path));
      if (!r.ok) {
        skipped = `${quotePath(path)}: ${r.reason}`;
        break;
      }
      text = r.text;
    }
    unified.push(skipped ? { ...group, skipped } : group);
    if (skipped) continue;
    writes.set(group.into, text);
    removes.push(...group.from);
  }
  if (!removes.length) return { unified };
  // references to a file that went now point at the one that stayed (conversations have none)
  const moves = unified
    .filter((u) => !u.skipped && kindOfPath(u.into) !== 'conversation')
    .flatMap((u) => u.from.map((from) => ({ from, to: u.into })));
  for (const r of moves.length ? records : []) {
    if (removes.includes(r.path)) continue;
    const points = moves.some(
      (m) =>
        Object.keys(referenceChanges(r, kindOfPath(m.from)!, slugOfPath(m.from), slugOfPath(m.to))).length ||
        (r.kind === 'conversation' && r.entries.some((e) => e.author === slugOfPath(m.from))),
    );
    if (!points) continue;
    const before = writes.get(r.path) ?? read(r.path);
    const text = moves.reduce((t, m) => replaySlugChange(r.path, t, m) ?? t, before);
    if (text !== before) writes.set(r.path, text);
  }
  const summary = `one file per record: ${unified
    .filter((u) => !u.skipped)
    .map((u) => `${u.from.join(', ')} into ${u.into}`)
    .join('; ')}`;
  return { unified, change: { writes, removes, summary, action: 'sync', refs: [...writes.keys(), ...removes] } };
}
