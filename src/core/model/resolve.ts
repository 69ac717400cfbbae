// Resolves what a user types (slug, id, e-mail, domain, path or a fragment of a name) to one
// record, or says plainly which records it could mean. Pure; never guesses between several.
import { normaliseEmail } from './email.js';
import { UsageError } from './errors.js';
import { allRecords, describeRecord, displayName } from './records.js';
import { fold } from './text.js';
import type { AnyRecord, RecordKind, RepoData } from './types.js';

function exactMatch(r: AnyRecord, ref: string): boolean {
  const lower = ref.toLowerCase();
  const path = lower.replace(/\.md$/, '');
  if (r.slug === lower || r.id === lower || r.path.replace(/\.md$/, '') === path) return true;
  if (`${r.path.split('/')[0]}/${r.slug}` === path) return true;
  if (r.kind === 'contact' && lower.includes('@'))
    return r.emails.some((e) => normaliseEmail(e) === normaliseEmail(lower));
  if (r.kind === 'org') return r.domains.includes(lower.replace(/^@/, ''));
  return false;
}

/** Levenshtein distance, one row at a time. */
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

function pool(data: RepoData, kinds?: readonly RecordKind[]): AnyRecord[] {
  return allRecords(data).filter((r) => !kinds || kinds.includes(r.kind));
}

/** The records a reference matches: exact matches first, else name fragments. */
function matchRecords(data: RepoData, ref: string, kinds?: readonly RecordKind[]): AnyRecord[] {
  const candidates = pool(data, kinds);
  const exact = candidates.filter((r) => exactMatch(r, ref.trim()));
  if (exact.length) return exact;
  const needle = fold(ref.trim());
  if (!needle) return [];
  const hits = candidates.filter((r) => fold(displayName(r)).includes(needle) || r.slug.includes(needle));
  // A conversation is usually named after its people: "jane" means Jane, not her thread.
  const people = hits.filter((r) => r.kind !== 'conversation');
  return people.length ? people : hits;
}

/** Slugs of the records whose slug or name is closest to a reference, for "did you mean". */
function nearNames(data: RepoData, ref: string, kinds?: readonly RecordKind[]): string[] {
  const typed = fold(ref);
  const limit = Math.max(2, Math.floor(ref.length / 3));
  return pool(data, kinds)
    .map((r) => ({ r, d: Math.min(distance(typed, r.slug), distance(typed, fold(displayName(r)))) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map(({ r }) => r.slug);
}

/** One record for a reference, or a usage error listing candidates or near names. */
export function resolveRef(data: RepoData, ref: string, kinds?: readonly RecordKind[]): AnyRecord {
  const found = matchRecords(data, ref, kinds);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const list = found
      .slice(0, 20)
      .map((r) => `  ${describeRecord(r)}`)
      .join('\n');
    throw new UsageError(`"${ref}" matches ${found.length} records:\n${list}`, 'use the slug or the id to pick one');
  }
  const what = kinds?.length === 1 ? kinds[0]! : kinds ? kinds.join(' or ') : 'record';
  const near = nearNames(data, ref, kinds);
  const hint = near.length ? `did you mean ${near.join(', ')}?` : '`kith ls` lists what there is';
  throw new UsageError(`no ${what} matches "${ref}"`, hint);
}
