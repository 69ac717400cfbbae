// The index cache's manifest: the git digest under which every shard was last found current as
// a whole (every record file as git's index has it, none untracked), its folders, and the
// problems met. While git's digest is the same, no file needs listing or comparing, and each
// kind's records are read from its shards only when a command asks for them.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { keyOf, type AnyRecord, type Problem, type RecordKey } from '../core/model/index.js';
import { afterStaging, type GitView } from '../git/clean-files.js';
import { CACHE_DIR, isOwnFolder, readCacheJson, stamped, stampNow, writeCacheFile, type Stamp } from './cache-files.js';
import { revive, reviveOwned } from './excerpts.js';
import { current, loadFolder, type Loaded, type ReadText, type Refreshed } from './index-cache.js';
import { isRecordName, kindOfPath } from './layout.js';
import {
  FORMAT,
  keyOfLine,
  keysOfShard,
  MANIFEST,
  readShard,
  readShardKeys,
  shardFile,
  shardIds,
} from './shard-files.js';

export interface Vouched {
  /** Every record folder the shards hold, in the order records load. */
  readonly folders: readonly string[];
  /** The problems met reading the records and walking their folders. */
  readonly problems: readonly Problem[];
}

export interface Manifest extends Stamp, Vouched {
  /**
   * The id of each folder's shard as the command read or wrote it: a shard written since (by a
   * write while a reader was at work) is not vouched for, whatever the manifest's git view.
   */
  readonly shards: Readonly<Record<string, string>>;
}

/**
 * The folders and problems of a cache that is current as a whole: git vouches that no record
 * file moved since every shard was found current (the same digest, nothing changed or
 * untracked), and kith.yaml and Kith are the same. Then no file needs listing or comparing.
 */
export function vouchedCache(root: string, git: GitView | undefined): Manifest | undefined {
  const now = stampNow(root, git, FORMAT);
  if (!now || !isOwnFolder(root)) return undefined;
  const m = readCacheJson<Manifest>(join(root, CACHE_DIR, MANIFEST));
  const whole = Array.isArray(m?.folders) && Array.isArray(m.problems) && typeof m.shards === 'object' && !!m.shards;
  return stamped(m, now) && whole ? m : undefined;
}

/**
 * Records that every shard is current for git's view of the files (asked before they were read),
 * as this process read or wrote each shard (`shards`: the ids to vouch for, by folder).
 */
export function vouchForCache(
  root: string,
  git: GitView | undefined,
  vouched: Vouched,
  shards = idsOf(root, vouched.folders),
): void {
  const now = stampNow(root, git, FORMAT);
  if (!now || !isOwnFolder(root)) return;
  writeCacheFile(join(root, CACHE_DIR, MANIFEST), JSON.stringify({ ...now, ...vouched, shards } satisfies Manifest));
}

/** The ids of these folders' shards as this process last read or wrote them (none for a shard not seen). */
function idsOf(root: string, folders: readonly string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const folder of folders) {
    const id = shardIds.get(shardFile(root, folder));
    if (id) ids[folder] = id;
  }
  return ids;
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
  was: Manifest | undefined,
  refreshed: Refreshed | undefined,
): GitView | undefined {
  if (!was || !refreshed) return undefined;
  // each shard spliced must be the one the manifest vouched for (not one a reader wrote since)
  const shards = { ...was.shards };
  for (const [folder, id] of refreshed.spliced) {
    if (was.shards[folder] !== id) return undefined;
    shards[folder] = shardIds.get(shardFile(root, folder))!;
  }
  const blobs = new Map<string, string | null>();
  for (const [path, entry] of refreshed.entries) {
    if (entry && typeof entry.st !== 'string') return undefined;
    blobs.set(path, entry ? (entry.st as string) : null);
  }
  // a folder new to the manifest (a new year) is found by the next command's walk
  const folders = new Set(was.folders);
  if ([...blobs.keys()].some((path) => !folders.has(path.slice(0, path.lastIndexOf('/'))))) return undefined;
  const after = afterStaging(before!, blobs);
  const problems = [
    ...was.problems.filter((p) => !blobs.has(p.file)),
    ...[...refreshed.entries.values()].flatMap((entry) => entry?.p ?? []),
  ];
  vouchForCache(root, after, { folders: was.folders, problems }, shards);
  return after;
}

/** A folder's shard in a cache git vouches for: `settings` is kith.yaml's stamp, `id` the manifest's for the shard. */
export interface VouchedShard {
  readonly root: string;
  readonly folder: string;
  readonly read: ReadText;
  readonly git: GitView;
  readonly settings: string;
  readonly id: string | undefined;
}

/**
 * One folder's records, as its shard holds them, in a cache git vouches for (the manifest names
 * the shard's id); a shard that cannot be read (removed, corrupt) is built again from the files git
 * lists there, and one written since the manifest was is checked against them.
 */
export function vouchedFolder(at: VouchedShard): AnyRecord[] {
  const { root, folder, read, git, settings, id } = at;
  const file = shardFile(root, folder);
  // a shard this process wrote is copied from; one read for this command alone is made whole in
  // place (a write's refresh reads the shard again)
  const kept = current.get(file);
  const { shard, written } = kept ? { shard: kept, written: 0 } : readShard(file, settings);
  if (shard && (kept || shard.id === id)) {
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
  // the manifest no longer vouches for every shard: the next command that reads all vouches anew
  if (shard) rmSync(join(root, CACHE_DIR, MANIFEST), { force: true });
  const out: Loaded = { records: [], problems: [], reread: [], kept: true };
  loadFolder(root, folder, paths, { read, settings, full: false, cache: true, blobs: git.clean }, out, {
    shard,
    written,
  });
  return out.records;
}

/**
 * The keys of one folder's records (what resolving a reference reads), from its shard's first
 * line, in a cache git vouches for; from its records when that line cannot be read.
 */
export function vouchedKeys(at: VouchedShard): RecordKey[] {
  const { root, folder, settings, id } = at;
  const file = shardFile(root, folder);
  const kept = current.get(file);
  const line = kept ? { keys: keysOfShard(kept), id } : readShardKeys(file, settings);
  // a line that does not fit its folder, or of a shard the manifest does not name, is not trusted
  const fromRecords = () => vouchedFolder(at).map(keyOf);
  if (!line || line.id !== id) return fromRecords();
  const kind = kindOfPath(`${folder}/x.md`);
  if (!kind) return fromRecords();
  const out: RecordKey[] = [];
  for (const path in line.keys) {
    const key = keyOfLine(folder, kind, path, line.keys[path]);
    if (!key) return fromRecords();
    out.push(key);
  }
  return out;
}
