// Resolves what a user types (slug, id, e-mail, domain, path or a fragment of a name) to one
// record, or says plainly which records it could mean. Pure; never guesses between several.
import { UsageError } from './errors.js';
import type { AnyRecord, RecordKind, RepoData } from './types.js';

export function allRecords(repo: RepoData): AnyRecord[] {
  return [...repo.contacts, ...repo.orgs, ...repo.deals, ...repo.conversations];
}

export function displayName(r: AnyRecord): string {
  switch (r.kind) {
    case 'contact': case 'org': return r.name;
    case 'deal': return r.title;
    case 'conversation': return r.subject;
  }
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Plus-addressing and case are not part of who someone is: Jane+crm@Acme -> jane@acme. */
export function normaliseEmail(address: string): string {
  const [local = '', domain = ''] = address.trim().toLowerCase().split('@');
  return `${local.replace(/\+.*$/, '')}@${domain}`;
}

function exactMatch(r: AnyRecord, ref: string): boolean {
  const lower = ref.toLowerCase();
  const path = lower.replace(/\.md$/, '');
  if (r.slug === lower || r.id === lower || r.path.replace(/\.md$/, '') === path) return true;
  if (`${r.path.split('/')[0]}/${r.slug}` === path) return true;
  if (r.kind === 'contact' && lower.includes('@')) return r.emails.some((e) => normaliseEmail(e) === normaliseEmail(lower));
  if (r.kind === 'org') return r.domains.includes(lower.replace(/^@/, ''));
  return false;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function describeRecord(r: AnyRecord): string {
  return `${r.kind.padEnd(12)} ${r.slug.padEnd(28)} ${displayName(r)}`;
}

/** The records a reference matches: exact matches first, else name fragments. */
export function matchRecords(repo: RepoData, ref: string, kinds?: readonly RecordKind[]): AnyRecord[] {
  const pool = allRecords(repo).filter((r) => !kinds || kinds.includes(r.kind));
  const exact = pool.filter((r) => exactMatch(r, ref.trim()));
  if (exact.length) return exact;
  const needle = fold(ref.trim());
  if (!needle) return [];
  const hits = pool.filter((r) => fold(displayName(r)).includes(needle) || r.slug.includes(needle));
  // A conversation is usually named after its people: "jane" means Jane, not her thread.
  const people = hits.filter((r) => r.kind !== 'conversation');
  return people.length ? people : hits;
}

/** One record for a reference, or a usage error listing candidates or near names. */
export function resolveRef(repo: RepoData, ref: string, kinds?: readonly RecordKind[]): AnyRecord {
  const found = matchRecords(repo, ref, kinds);
  const what = kinds?.length === 1 ? kinds[0]! : kinds ? kinds.join(' or ') : 'record';
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const list = found.slice(0, 20).map((r) => `  ${describeRecord(r)}`).join('\n');
    throw new UsageError(`"${ref}" matches ${found.length} records:\n${list}`, 'use the slug or the id to pick one');
  }
  const pool = allRecords(repo).filter((r) => !kinds || kinds.includes(r.kind));
  const near = pool
    .map((r) => ({ r, d: Math.min(distance(fold(ref), r.slug), distance(fold(ref), fold(displayName(r)))) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(ref.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map(({ r }) => r.slug);
  throw new UsageError(`no ${what} matches "${ref}"`, near.length ? `did you mean ${near.join(', ')}?` : `\`kith ls\` lists what there is`);
}
