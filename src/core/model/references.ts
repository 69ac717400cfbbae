// How records point at each other by slug, and the field changes that move those pointers
// when a record is renamed. Pure.
import { allRecords, patchListItems } from './records.js';
import type { AnyRecord, RecordKind, RepoData } from './types.js';

/** The field changes that make `r` point at `to` instead of `from` (a slug of `kind`). */
export function referenceChanges(r: AnyRecord, kind: RecordKind, from: string, to: string): Record<string, unknown> {
  const swap = (list: readonly string[]) => list.map((s) => (s === from ? to : s));
  const c: Record<string, unknown> = {};
  if (kind === 'org' && 'org' in r && r.org === from) c.org = to;
  if (kind === 'deal' && r.kind === 'conversation' && r.deal === from) c.deal = to;
  if (kind !== 'contact') return c;
  if ((r.kind === 'contact' || r.kind === 'deal') && r.referred_by === from) c.referred_by = to;
  if (r.kind === 'deal' && r.contacts.includes(from)) c.contacts = swap(r.contacts);
  if (r.kind === 'conversation') {
    if (r.participants.includes(from)) c.participants = swap(r.participants);
    if (r.promises.some((p) => p.who === from))
      c.promises = patchListItems(r, 'promises', (p) => p.who === from, { who: to });
  }
  return c;
}

/** One place where a record names another: the file, the line and the field. */
export interface Reference {
  readonly path: string;
  readonly line: number;
  readonly field: string;
}

/** Every place in the other records that names `target` by its slug. */
export function referencesTo(data: RepoData, target: AnyRecord): Reference[] {
  const out: Reference[] = [];
  const at = (r: AnyRecord, field: string, line = r.fieldLines[field] ?? 2) => out.push({ path: r.path, line, field });
  const slug = target.slug;
  for (const r of allRecords(data)) {
    if (r === target) continue;
    if (target.kind === 'org' && 'org' in r && r.org === slug) at(r, 'org');
    if (target.kind === 'deal' && r.kind === 'conversation' && r.deal === slug) at(r, 'deal');
    if (target.kind !== 'contact') continue;
    if ((r.kind === 'contact' || r.kind === 'deal') && r.referred_by === slug) at(r, 'referred_by');
    if (r.kind === 'deal' && r.contacts.includes(slug)) at(r, 'contacts');
    if (r.kind !== 'conversation') continue;
    if (r.participants.includes(slug)) at(r, 'participants');
    if (r.promises.some((p) => p.who === slug)) at(r, 'promises');
    for (const e of r.entries) if (e.author === slug) at(r, 'entry author', e.line);
  }
  return out;
}
