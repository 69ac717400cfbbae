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

type Builders<T> = { readonly [K in keyof T]: () => T[K] };

/** An object whose every value is built on first use, then kept: each command needs only a few lookups. */
function lazily<T extends object>(builders: Builders<T>): T {
  const out = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
      configurable: true,
    });
  }
  return out;
}

export function indexRepo(data: RepoData): RepoIndex {
  let index = indexes.get(data);
  if (index) return index;
  index = lazily<RepoIndex>({
    contacts: () => new Map(data.contacts.map((c) => [c.slug, c])),
    orgs: () => new Map(data.orgs.map((o) => [o.slug, o])),
    deals: () => new Map(data.deals.map((d) => [d.slug, d])),
    byPath: () =>
      new Map([...data.contacts, ...data.orgs, ...data.deals, ...data.conversations].map((r) => [r.path, r])),
    contactsByEmail: () => new Map(data.contacts.flatMap((c) => c.emails.map((e) => [normaliseEmail(e), c] as const))),
    contactsByOrg: () => groupBy(data.contacts, (c) => [c.org]),
    byParticipant: () => groupBy(data.conversations, (v) => v.participants),
    byDeal: () => groupBy(data.conversations, (v) => [v.deal]),
    dealsByOrg: () => groupBy(data.deals, (d) => [d.org]),
    byOrg: () => {
      const people = index!.contacts;
      return groupBy(data.conversations, (v) => [v.org, ...v.participants.map((p) => people.get(p)?.org)]);
    },
  });
  indexes.set(data, index);
  return index;
}
