// The index cache's manifest: the git digest under which every shard was last found current as
// a whole (every record file as git's index has it, none untracked), its folders, and the
// problems met. While git's digest is the same, no file needs listing or comparing, and each
// kind's records are read from its shards only when a command asks for them.
import { join } from 'node:path';
import { keyOf, type AnyRecord, type Problem, type RecordKey } from '../core/model/index.js';
import { afterStaging, type GitView } from '../git/clean-files.js';
import { CACHE_DIR, isOwnFolder, readCacheJson, stamped, stampNow, writeCacheFile, type Stamp } from './cache-files.js';
import { revive, reviveOwned } from './excerpts.js';
import { current, loadFolder, type Loaded, type ReadText, type Refreshed } from './index-cache.js';
import { isRecordName } from './layout.js';
import { FORMAT, keyOfLine, keysOfShard, MANIFEST, readShard, readShardKeys, shardFile } from './shard-files.js';

export interface Vouched {
  /** Every record folder the shards hold, in the order records load. */
  readonly folders: readonly string[];
  /** The problems met reading the records and walking their folders. */
  readonly problems: readonly Problem[];
}

interface Manifest extends Stamp, Vouched {}

/**
 * The folders and problems of a cache that is current as a whole: git vouches that no record
 * file moved since every shard was found current (the same digest, nothing changed or
 * untracked), and kith.yaml and Kith are the same. Then no file needs listing or comparing.
 */
export function vouchedCache(root: string, git: GitView | undefined): (Vouched & Stamp) | undefined {
  const now = stampNow(root, git, FORMAT);
  if (!now || !isOwnFolder(root)) return undefined;
  const m = readCacheJson<Manifest>(join(root, CACHE_DIR, MANIFEST));
  return stamped(m, now) && Array.isArray(m!.folders) && Array.isArray(m!.problems) ? m : undefined;
}

/** Records that every shard is current for git's view of the files (asked before they were read). */
export function vouchForCache(root: string, git: GitView | undefined, vouched: Vouched): void {
  const now = stampNow(root, git, FORMAT);
  if (!now || !isOwnFolder(root)) return;
  writeCacheFile(join(root, CACHE_DIR, MANIFEST), JSON.stringify({ ...now, ...vouched } satisfies Manifest));
}

/**
 * Carries the manifest over a command's own commit: when every shard was current for git's view
 * before the write (`before`; `was`, the manifest read before the refresh removed it) and the
 * write's refresh kept them so, the manifest is stamped with the view git gives once the written
 * files are staged; the next command trusts it only if git lists just that. The view after the
 * write, for a further write; undefined when not carried.
 */
export function followWrite(
  root: string,
  before: GitView | undefined,
  was: (Vouched & Stamp) | undefined,
  refreshed: Refreshed | undefined,
): GitView | undefined {
  if (!was || !refreshed) return undefined;
  const blobs = new Map<string, string | null>();
  for (const [path, entry] of refreshed) {
    if (entry && typeof entry.st !== 'string') return undefined;
    blobs.set(path, entry ? (entry.st as string) : null);
  }
  // a folder new to the manifest (a new year) is found by the next command's walk
  const folders = new Set(was.folders);
  if ([...blobs.keys()].some((path) => !folders.has(path.slice(0, path.lastIndexOf('/'))))) return undefined;
  const after = afterStaging(before!, blobs);
  const problems = [
    ...was.problems.filter((p) => !blobs.has(p.file)),
    ...[...refreshed.values()].flatMap((entry) => entry?.p ?? []),
  ];
  vouchForCache(root, after, { folders: was.folders, problems });
  return after;
}

/**
 * One folder's records, as its shard holds them, in a cache git vouches for; a shard that cannot
 * be read (removed, corrupt) is built again from the files git lists there.
 */
export function vouchedFolder(
  root: string,
  folder: string,
  read: ReadText,
  git: GitView,
  settings: string,
): AnyRecord[] {
  const file = shardFile(root, folder);
  // a shard this process wrote is copied from; one read for this command alone is made whole in
  // place (a write's refresh reads the shard again)
  const kept = current.get(file);
  const shard = kept ?? readShard(file, settings).shard;
  if (shard) {
    const whole = kept ? revive : reviveOwned;
    const records: AnyRecord[] = [];
    for (const path in shard.entries) {
      const r = shard.entries[path]!.r;
      if (r) records.push(whole(path, r));
    }
    return records;
  }
  const paths = [...git.clean.keys()]
    .filter((p) => p.slice(0, p.lastIndexOf('/')) === folder && isRecordName(p))
    .sort();
  const out: Loaded = { records: [], problems: [], reread: [], kept: true };
  loadFolder(root, folder, paths, { read, settings, full: false, cache: true, blobs: git.clean }, out, { written: 0 });
  return out.records;
}

/**
 * The keys of one folder's records (what resolving a reference reads), from its shard's first
 * line, in a cache git vouches for; from its records when that line cannot be read.
 */
export function vouchedKeys(root: string, folder: string, read: ReadText, git: GitView, settings: string): RecordKey[] {
  const file = shardFile(root, folder);
  const kept = current.get(file);
  const keys = kept ? keysOfShard(kept) : readShardKeys(file, settings);
  const out: RecordKey[] = [];
  for (const path in keys) {
    const key = keyOfLine(folder, path, keys[path]);
    // a line that does not fit its folder is not trusted: the records are read instead
    if (!key) return vouchedFolder(root, folder, read, git, settings).map(keyOf);
    out.push(key);
  }
  return keys ? out : vouchedFolder(root, folder, read, git, settings).map(keyOf);
}
