// What the search index cannot speak for: files changed or new since it was built (read and
// matched directly) and its documents that changed or are gone (left out). Worked out by
// comparing every file's version with the index's, then kept in .kith/search/changes.json under
// git's digest: while git lists the same and vouches for every file, the next search needs no
// walk or comparison. Kith's own write, an edit, a pull each cost one walk, not one per search.
import { join } from 'node:path';
import type { GitView } from '../git/clean-files.js';
import { readCacheJson, writeCacheFile } from './cache-files.js';
import { sameVersion } from './file-versions.js';
import { DIR, type Index, type VersionRow } from './search-files.js';

export interface Unindexed {
  /** Files the index does not hold as they are: read and matched directly. */
  readonly changed: readonly string[];
  /** The index's documents to leave out: changed or gone since. */
  readonly skip: ReadonlySet<number>;
}

/** changes.json: for one build of the index, under git's digest. */
interface Kept {
  readonly build: string;
  readonly git: string;
  readonly changed: string[];
  readonly skip: number[];
}

/** git's digest, when git vouched for every file and the rows are exactly of those blobs. */
export const vouchedDigest = (git: GitView | undefined, exact: boolean) =>
  git?.settled && exact ? git.digest : undefined;

const FILE = 'changes.json';
const isList = (v: unknown, of: 'string' | 'number') => Array.isArray(v) && v.every((x) => typeof x === of);

/** What git vouches the index cannot speak for, kept by an earlier search under the same digest. */
export function keptChanges(root: string, index: Index, git: GitView | undefined): Unindexed | undefined {
  if (!git?.settled) return undefined;
  const kept = readCacheJson<Kept>(join(root, DIR, FILE));
  if (kept?.build !== index.head.build || kept.git !== git.digest) return undefined;
  if (!isList(kept.changed, 'string') || !isList(kept.skip, 'number')) return undefined;
  return { changed: kept.changed, skip: new Set(kept.skip) };
}

/** The files on disk and what the index cannot speak for, by comparing every file's version with the index's. */
export function compareFiles(index: Index, files: readonly VersionRow[]): Unindexed {
  const versions = index.versions();
  const known = new Map(versions.map(([path, version], id) => [path, { version, id }]));
  const changed: string[] = [];
  const skip = new Set<number>();
  const present = new Set<string>();
  for (const [path, st] of files) {
    present.add(path);
    const k = known.get(path);
    if (k && sameVersion(k.version, st)) continue;
    changed.push(path);
    if (k) skip.add(k.id);
  }
  if (present.size - changed.length + skip.size !== versions.length)
    versions.forEach(([path], id) => present.has(path) || skip.add(id));
  return { changed, skip };
}

/** Keeps what the index cannot speak for under git's digest, when git vouches for every file. */
export function keepChanges(root: string, index: Index, git: GitView | undefined, found: Unindexed): void {
  if (!git?.settled) return;
  const kept: Kept = { build: index.head.build, git: git.digest, changed: [...found.changed], skip: [...found.skip] };
  writeCacheFile(join(root, DIR, FILE), JSON.stringify(kept));
}
