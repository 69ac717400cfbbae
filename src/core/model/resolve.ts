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

/** Edit distance where swapping two neighbours ("jnae" for "jane") is one typo, not two. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** What a typed reference is compared with: the slug, the name, and each word of either. */
function spellings(r: AnyRecord): string[] {
  const name = fold(displayName(r));
  return [r.slug, name, ...r.slug.split('-'), ...name.split(/\s+/)].filter((s) => s.length > 0);
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
  const near = pool(data, kinds)
    .map((r) => ({ r, d: Math.min(...spellings(r).map((s) => distance(typed, s))) }))
    .filter(({ d }) => d <= limit);
  // the closest only, and people before the conversations named after them
  const people = near.filter(({ r }) => r.kind !== 'conversation');
  const shown = people.length ? people : near;
  const best = Math.min(...shown.map(({ d }) => d));
  return shown
    .filter(({ d }) => d === best)
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
