// How records point at each other by slug, and the field changes that move those pointers
// when a record is renamed. Pure.
import { patchListItems } from './records.js';
import type { AnyRecord, RecordKind } from './types.js';

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
