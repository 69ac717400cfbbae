// The one set of lookups over a repository's records, built once per RepoData: a team's
// repository holds tens of thousands of records, so nothing scans them per item.
import { normaliseEmail } from './email.js';
import type { AnyRecord, Contact, Conversation, Deal, Org, RepoData } from './types.js';

export interface RepoIndex {
  readonly contacts: ReadonlyMap<string, Contact>;
  readonly orgs: ReadonlyMap<string, Org>;
  readonly deals: ReadonlyMap<string, Deal>;
  readonly byPath: ReadonlyMap<string, AnyRecord>;
  readonly contactsByEmail: ReadonlyMap<string, Contact>;
  readonly contactsByOrg: ReadonlyMap<string, readonly Contact[]>;
  readonly byParticipant: ReadonlyMap<string, readonly Conversation[]>;
  readonly byDeal: ReadonlyMap<string, readonly Conversation[]>;
  /** The deals of each org, in file order. */
  readonly dealsByOrg: ReadonlyMap<string, readonly Deal[]>;
  /** Conversations with an org: its own, and those of its people. */
  readonly byOrg: ReadonlyMap<string, readonly Conversation[]>;
}

const indexes = new WeakMap<RepoData, RepoIndex>();

/** Items under each of their keys, in their order; a list grows in place, never copied per item. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly (string | undefined)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const k of new Set(keys(item))) {
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
  }
  return map;
}

export function indexRepo(data: RepoData): RepoIndex {
  let index = indexes.get(data);
  if (index) return index;
  const contacts = new Map(data.contacts.map((c) => [c.slug, c]));
  const records: AnyRecord[] = [...data.contacts, ...data.orgs, ...data.deals, ...data.conversations];
  index = {
    contacts,
    orgs: new Map(data.orgs.map((o) => [o.slug, o])),
    deals: new Map(data.deals.map((d) => [d.slug, d])),
    byPath: new Map(records.map((r) => [r.path, r])),
    contactsByEmail: new Map(data.contacts.flatMap((c) => c.emails.map((e) => [normaliseEmail(e), c] as const))),
    contactsByOrg: groupBy(data.contacts, (c) => [c.org]),
    byParticipant: groupBy(data.conversations, (v) => v.participants),
    byDeal: groupBy(data.conversations, (v) => [v.deal]),
    dealsByOrg: groupBy(data.deals, (d) => [d.org]),
    byOrg: groupBy(data.conversations, (v) => [v.org, ...v.participants.map((p) => contacts.get(p)?.org)]),
  };
  indexes.set(data, index);
  return index;
}
