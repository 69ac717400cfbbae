// Resolves what a user types (slug, id, e-mail, domain, path or a fragment of a name) to one
// record, or says plainly which records it could mean. Pure; never guesses between several.
// Works on records' keys (RecordKey): the store may keep them apart from the records.
import { normaliseEmail } from './email.js';
import { UsageError } from './errors.js';
import { describeKey, recordKeys, recordsOfKind } from './records.js';
import { fold } from './text.js';
import { typoDistance } from './typo-distance.js';
import type { AnyRecord, RecordKey, RecordKind, RepoData } from './types.js';

/** Whether a record is exactly what was typed: its slug, id, path, an e-mail or a domain. */
function exactMatcher(ref: string): (r: RecordKey) => boolean {
  // what was typed is read once, not once per record
  const lower = ref.toLowerCase();
  const path = lower.replace(/\.md$/, '');
  const email = lower.includes('@') ? normaliseEmail(lower) : undefined;
  const domain = lower.replace(/^@/, '');
  // the path as typed, with or without .md (a file not named .md is matched as it is)
  const withMd = `${path}.md`;
  const bare = path.endsWith('.md') ? undefined : path;
  // "folder/slug": the folder is the first part, as in conversations/2026/<slug>.md
  const cut = path.indexOf('/');
  const [folder, slug] = cut < 0 ? [undefined, undefined] : [path.slice(0, cut), path.slice(cut + 1)];
  return (r) => {
    if (r.slug === lower || r.id === lower) return true;
    if (r.path === withMd || r.path === bare) return true;
    if (r.slug === slug && r.path.split('/')[0] === folder) return true;
    if (email !== undefined && r.emails.some((e) => normaliseEmail(e) === email)) return true;
    return r.domains.includes(domain);
  };
}

/** What a typed reference is compared with: the slug, the name, and each word of either. */
function spellings(r: RecordKey): string[] {
  const name = fold(r.name);
  return [r.slug, name, ...r.slug.split('-'), ...name.split(/\s+/)].filter((s) => s.length > 0);
}

/** The records a reference matches: exact matches first, else name fragments. */
function matchRecords(data: RepoData, ref: string, kinds?: readonly RecordKind[]): RecordKey[] {
  const candidates = recordKeys(data, kinds);
  const exact = candidates.filter(exactMatcher(ref.trim()));
  if (exact.length) return exact;
  const needle = fold(ref.trim());
  if (!needle) return [];
  const hits = candidates.filter((r) => fold(r.name).includes(needle) || r.slug.includes(needle));
  // A conversation is usually named after its people: "jane" means Jane, not her thread.
  const people = hits.filter((r) => r.kind !== 'conversation');
  return people.length ? people : hits;
}

/** Slugs of the records whose slug or name is closest to a reference, for "did you mean". */
function nearNames(data: RepoData, ref: string, kinds?: readonly RecordKind[]): string[] {
  const typed = fold(ref);
  const limit = Math.max(2, Math.floor(ref.length / 3));
  // the closest only, and people before the conversations named after them: a record further
  // than the closest one of its group so far is never shown, so its distance is not worked out
  const people: { r: RecordKey; d: number }[] = [];
  const threads: { r: RecordKey; d: number }[] = [];
  let bestPerson = limit;
  let bestThread = limit;
  for (const r of recordKeys(data, kinds)) {
    const isThread = r.kind === 'conversation';
    if (isThread && people.length) continue;
    const bound = isThread ? bestThread : bestPerson;
    let d = bound + 1;
    for (const s of spellings(r)) d = Math.min(d, typoDistance(typed, s, Math.min(d, bound)));
    if (d > bound) continue;
    (isThread ? threads : people).push({ r, d });
    if (isThread) bestThread = d;
    else bestPerson = d;
  }
  const shown = people.length ? people : threads;
  const best = people.length ? bestPerson : bestThread;
  return shown
    .filter(({ d }) => d === best)
    .slice(0, 5)
    .map(({ r }) => r.slug);
}

/** The key of the one record a reference names, or a usage error listing candidates or near names. */
export function resolveKey(data: RepoData, ref: string, kinds?: readonly RecordKind[]): RecordKey {
  const found = matchRecords(data, ref, kinds);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const list = found
      .slice(0, 20)
      .map((r) => `  ${describeKey(r)}`)
      .join('\n');
    throw new UsageError(`"${ref}" matches ${found.length} records:\n${list}`, 'use the slug or the id to pick one');
  }
  const what = kinds?.length === 1 ? kinds[0]! : kinds ? kinds.join(' or ') : 'record';
  const near = nearNames(data, ref, kinds);
  const hint = near.length ? `did you mean ${near.join(', ')}?` : '`kith ls` lists what there is';
  throw new UsageError(`no ${what} matches "${ref}"`, hint);
}

/** One record for a reference, or a usage error listing candidates or near names. */
export function resolveRef(data: RepoData, ref: string, kinds?: readonly RecordKind[]): AnyRecord {
  const key = resolveKey(data, ref, kinds);
  return recordsOfKind(data, key.kind).find((r) => r.path === key.path)!;
}
