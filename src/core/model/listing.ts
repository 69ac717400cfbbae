// What `kith ls` lists: the records of one kind that pass its filters, in its order
// (conversations newest activity first, the rest by slug). Pure.
import { checkStage } from './new-records.js';
import { lastActivity } from './records.js';
import type { AnyRecord, RecordKind, RepoData } from './types.js';

export interface RecordFilter {
  readonly tag?: string;
  readonly owner?: string;
  /** An org slug: the org itself, or records that belong to it. */
  readonly org?: string;
  readonly stage?: string;
}

const PLURALS = { contacts: 'contact', orgs: 'org', deals: 'deal', conversations: 'conversation' } as const;
export type RecordPlural = keyof typeof PLURALS;

/** "contacts", "contact", "con"... -> the plural it starts; undefined for anything else. */
export function recordPlural(typed: string): RecordPlural | undefined {
  const wanted = typed.toLowerCase().replace(/s$/, '');
  return (Object.keys(PLURALS) as RecordPlural[]).find((k) => k.startsWith(wanted));
}

const orgOf = (r: AnyRecord) => (r.kind === 'org' ? r.slug : r.org);

export function listRecords(data: RepoData, plural: RecordPlural, f: RecordFilter): AnyRecord[] {
  if (f.stage) checkStage(data.settings, f.stage);
  const kind: RecordKind = PLURALS[plural];
  const all: readonly AnyRecord[] = {
    contact: data.contacts,
    org: data.orgs,
    deal: data.deals,
    conversation: data.conversations,
  }[kind];
  const owner = f.owner?.replace(/^@/, '');
  const list = all.filter(
    (r) =>
      (!f.tag || r.tags.includes(f.tag)) &&
      (!owner || r.owner === owner) &&
      (!f.org || orgOf(r) === f.org) &&
      (!f.stage || (r.kind === 'deal' && r.stage === f.stage)),
  );
  if (kind !== 'conversation') return list.sort((a, b) => a.slug.localeCompare(b.slug));
  const latest = new Map(list.map((r) => [r, r.kind === 'conversation' ? lastActivity(r) : '']));
  return list.sort((a, b) => latest.get(b)!.localeCompare(latest.get(a)!));
}
