// Facts about records that every domain needs: their name, whether a deal is still open.
import { quotePath, terminalSafe } from './terminal.js';
import { instant } from '../time/zone.js';
import type { AnyRecord, Conversation, Deal, Entry, RecordKey, RecordKind, RepoData } from './types.js';

export const WON = 'won';
export const LOST = 'lost';

/** An open deal is in any stage but won and lost. */
export function isOpenDeal(d: Deal): boolean {
  return d.stage !== WON && d.stage !== LOST;
}

/** What a person calls a record: a contact's or org's name, a deal's title, a subject. */
export function displayName(r: AnyRecord): string {
  switch (r.kind) {
    case 'contact':
    case 'org':
      return r.name;
    case 'deal':
      return r.title;
    case 'conversation':
      return r.subject;
  }
}

/** The records of one kind (only that kind's list is touched: a store may read each kind when asked). */
export function recordsOfKind(data: RepoData, kind: RecordKind): readonly AnyRecord[] {
  if (kind === 'contact') return data.contacts;
  if (kind === 'org') return data.orgs;
  if (kind === 'deal') return data.deals;
  return data.conversations;
}

export function allRecords(data: RepoData): AnyRecord[] {
  return [...data.contacts, ...data.orgs, ...data.deals, ...data.conversations];
}

/** A record's key (what resolving a reference reads), as a store that keeps no keys apart gives it. */
export function keyOf(r: AnyRecord): RecordKey {
  const emails = r.kind === 'contact' ? r.emails : [];
  const domains = r.kind === 'org' ? r.domains : [];
  const key = { kind: r.kind, slug: r.slug, path: r.path, id: r.id, name: displayName(r), emails, domains };
  if (r.kind !== 'conversation') return key;
  const { participants, org, deal } = r;
  return { ...key, about: { participants, org, deal, open: r.turn !== 'closed' } };
}

const KINDS: readonly RecordKind[] = ['contact', 'org', 'deal', 'conversation'];

/** Every record's key of the kinds asked for, in one order: as the store keeps them apart, else from the records. */
export function recordKeys(data: RepoData, kinds: readonly RecordKind[] = KINDS): RecordKey[] {
  return KINDS.filter((k) => kinds.includes(k)).flatMap((k) =>
    data.keys ? data.keys(k) : recordsOfKind(data, k).map(keyOf),
  );
}

/** One line naming a record in a list of candidates. */
export function describeRecord(r: AnyRecord): string {
  return describeKey(keyOf(r));
}

/** One line naming a record by its key. */
export function describeKey(k: RecordKey): string {
  // a name from a file on one line, the slug quoted as git quotes a path
  return `${k.kind.padEnd(12)} ${quotePath(k.slug).padEnd(28)} ${terminalSafe(k.name)}`;
}

/** An item of a list field as the file holds it, unknown keys included. */
export type RawItem = Readonly<Record<string, unknown>>;

/** A list field as the file holds it, with `patch` applied to every item `which` selects. */
export function patchListItems(
  r: AnyRecord,
  key: string,
  which: (item: RawItem) => boolean,
  patch: RawItem,
): RawItem[] {
  const raw = (r.data[key] as RawItem[] | undefined) ?? [];
  return raw.map((item) => (which(item) ? { ...item, ...patch } : item));
}

/** The latest entry (that `keep` accepts), the later one in the file on a tie: one pass, no sort. */
export function latestEntry(entries: readonly Entry[], keep: (e: Entry) => boolean = () => true): Entry | undefined {
  let best: Entry | undefined;
  let bestAt = -Infinity;
  for (const e of entries) {
    if (!keep(e)) continue;
    const t = instant(e.at);
    if (t > bestAt || (t === bestAt && best !== undefined && e.line >= best.line)) {
      best = e;
      bestAt = t;
    }
  }
  return best;
}

/** The date-time of a conversation's latest entry, or its created date. */
export function lastActivity(v: Conversation): string {
  return latestEntry(v.entries)?.at ?? v.created ?? '';
}

/** When each entry of these conversations happened, in one list (a flatMap copies a list per conversation). */
export function entryMoments(conversations: readonly Conversation[]): string[] {
  const out: string[] = [];
  for (const v of conversations) for (const e of v.entries) out.push(e.at);
  return out;
}

/** Items by a date-time each, the latest first, each worked out once (not in every comparison). */
export function newestFirst<T>(items: readonly T[], at: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, at: at(item) }));
  return keyed.sort((a, b) => b.at.localeCompare(a.at)).map(({ item }) => item);
}

/** Files that hold records but could not be read at all (they were left out, with a problem). */
export function unreadableFiles(data: RepoData): string[] {
  const loaded = new Set(allRecords(data).map((r) => r.path));
  const files = data.problems.filter((p) => p.severity === 'error' && /\.md$/.test(p.file)).map((p) => p.file);
  return [...new Set(files)].filter((f) => !loaded.has(f));
}
