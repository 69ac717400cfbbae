// What `kith ls` lists: the records of one kind that pass its filters, in its order
// (conversations newest activity first, the rest by slug). Pure.
import { UsageError } from './errors.js';
import { checkStage } from './new-records.js';
import { allRecords, displayName, lastActivity, newestFirst, recordsOfKind } from './records.js';
import { fold } from './text.js';
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

/** "contacts" or "contact" -> its plural; undefined for anything else ("con" could be two kinds: no guess). */
export function recordPlural(typed: string): RecordPlural | undefined {
  const wanted = typed.trim().toLowerCase();
  return (Object.keys(PLURALS) as RecordPlural[]).find((k) => k === wanted || PLURALS[k] === wanted);
}

/** Which owners can own a record of the team: its members' handles. */
export function checkMember(data: Pick<RepoData, 'settings'>, owner: string | undefined, flag = '--owner'): void {
  const members = data.settings.members;
  const handle = owner?.trim().replace(/^@/, '');
  if (handle === undefined || !members.length || members.some((m) => m.handle === handle)) return;
  throw new UsageError(
    `${flag} "${owner}" names no member of the team`,
    `members: ${members.map((m) => m.handle).join(', ')}`,
  );
}

const orgOf = (r: AnyRecord) => (r.kind === 'org' ? r.slug : r.org);

export function listRecords(data: RepoData, plural: RecordPlural, f: RecordFilter): AnyRecord[] {
  // a filter that cannot apply is a mistake, not an empty list
  if (f.stage !== undefined && plural !== 'deals') {
    throw new UsageError(`--stage filters deals, not ${plural}`, `kith ls deals --stage ${f.stage}`);
  }
  if (f.stage) checkStage(data.settings, f.stage);
  checkMember(data, f.owner);
  const kind: RecordKind = PLURALS[plural];
  const all = recordsOfKind(data, kind);
  const owner = f.owner?.replace(/^@/, '');
  const list = all.filter(
    (r) =>
      (!f.tag || r.tags.includes(f.tag)) &&
      (!owner || r.owner === owner) &&
      (!f.org || orgOf(r) === f.org) &&
      (!f.stage || (r.kind === 'deal' && r.stage === f.stage)),
  );
  if (kind !== 'conversation') return list.sort((a, b) => a.slug.localeCompare(b.slug));
  return newestFirst(list, (r) => (r.kind === 'conversation' ? lastActivity(r) : ''));
}

/** Records of a kind already called this name (case and accents aside): a second "Jane Doe" is warned of. */
export function namesakes(data: RepoData, kind: RecordKind, name: string): AnyRecord[] {
  const wanted = fold(name.trim());
  return allRecords(data).filter((r) => r.kind === kind && fold(displayName(r).trim()) === wanted);
}
