// The one set of lookups over a repository's records, each built once per RepoData on first
// use: a team's repository holds tens of thousands of records, so nothing scans them per item.
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
  const add = (k: string | undefined, item: T) => {
    if (!k) return;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  };
  for (const item of items) {
    const ks = keys(item);
    // one key needs no set to list an item once under it
    if (ks.length === 1) add(ks[0], item);
    else for (const k of new Set(ks)) add(k, item);
  }
  return map;
}

/** A value built on first use, then kept: each command needs only a few of the lookups. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export function indexRepo(data: RepoData): RepoIndex {
  let index = indexes.get(data);
  if (index) return index;
  const contacts = once(() => new Map(data.contacts.map((c) => [c.slug, c])));
  const orgs = once(() => new Map(data.orgs.map((o) => [o.slug, o])));
  const deals = once(() => new Map(data.deals.map((d) => [d.slug, d])));
  const byPath = once(
    () => new Map([...data.contacts, ...data.orgs, ...data.deals, ...data.conversations].map((r) => [r.path, r])),
  );
  const contactsByEmail = once(
    () => new Map(data.contacts.flatMap((c) => c.emails.map((e) => [normaliseEmail(e), c] as const))),
  );
  const contactsByOrg = once(() => groupBy(data.contacts, (c) => [c.org]));
  const byParticipant = once(() => groupBy(data.conversations, (v) => v.participants));
  const byDeal = once(() => groupBy(data.conversations, (v) => [v.deal]));
  const dealsByOrg = once(() => groupBy(data.deals, (d) => [d.org]));
  const byOrg = once(() => {
    const people = contacts();
    return groupBy(data.conversations, (v) => [v.org, ...v.participants.map((p) => people.get(p)?.org)]);
  });
  index = {
    get contacts() {
      return contacts();
    },
    get orgs() {
      return orgs();
    },
    get deals() {
      return deals();
    },
    get byPath() {
      return byPath();
    },
    get contactsByEmail() {
      return contactsByEmail();
    },
    get contactsByOrg() {
      return contactsByOrg();
    },
    get byParticipant() {
      return byParticipant();
    },
    get byDeal() {
      return byDeal();
    },
    get dealsByOrg() {
      return dealsByOrg();
    },
    get byOrg() {
      return byOrg();
    },
  };
  indexes.set(data, index);
  return index;
}
