// The index cache in .kith/cache/ (git-ignored, never the source of truth): for each record
// folder, the version of every file and an excerpt of its record (what listings, due,
// pipeline, cards and references need), so a command re-reads only the files that changed.
// A file's version is its blob id where git vouches for the work-tree copy (see
// git/clean-files.ts: a pull, checkout or reset re-reads exactly the files whose blob moved),
// else its stat data, compared as git compares its index (mtime, ctime, size, inode); an entry
// whose mtime is not older than the cache file itself is re-read (git's "racy" case). A folder's
// cache that is missing, corrupt or from another format, Kith version or kith.yaml is rebuilt.
import { lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, isOwnFolder, settingsHash } from './cache-files.js';
import { FORMAT, readShard, shardFile, spliceShard, writeShard, type CacheEntry, type Shard } from './shard-files.js';
import type { AnyRecord, Problem } from '../core/model/index.js';
import { readEntry } from './cache-entry.js';
import { excerptOf, revive } from './excerpts.js';
import {
  BLOB_OF_TEXT,
  sameVersion,
  trusted,
  trustedNow,
  versionOf,
  versionOfText,
  type Blobs,
  type Version,
} from './file-versions.js';
import { kindOfPath, walkRecordFolders } from './layout.js';
import { KITH_VERSION } from './package-files.js';
import type { ReadResult } from './records.js';
import { readAhead } from './read-ahead.js';

/** Reads one record file's text, or the problem that keeps it from being read (repo.ts's one reader). */
export type ReadText = (path: string) => { text?: string; problem?: Problem };

export interface Loaded {
  readonly records: AnyRecord[];
  readonly problems: Problem[];
  /** Paths read from disk this time (changed, new, racy, or all on a rebuild). */
  readonly reread: string[];
  /** Whether the cache now holds what was loaded (every shard that changed was written). */
  kept: boolean;
}

// The shards this process read or wrote, so a write's refresh does not parse them again.
export const current = new Map<string, Shard>();

/** Record paths by the folder that holds them, in the order they were listed. */
function byFolder(paths: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const path of paths) {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const list = out.get(folder);
    if (list) list.push(path);
    else out.set(folder, [path]);
  }
  return out;
}

/** What a command just wrote: each file's text, and the record its validation read from it. */
interface Written {
  readonly texts: ReadonlyMap<string, string>;
  readonly parsed: ReadonlyMap<string, ReadResult>;
}

/**
 * The entry of a file this command just wrote and committed, from the text it wrote and the record
 * its validation read (no second read or parse); undefined when the file is best read again.
 */
function writtenEntry(root: string, path: string, written: Written | undefined): CacheEntry | undefined {
  const text = written?.texts.get(path);
  const read = written?.parsed.get(path);
  // a record with problems is read again the way the cache reads every file, so its warnings match
  if (text === undefined || !read?.record || read.problems.length) return undefined;
  return { st: versionOfText(root, BLOB_OF_TEXT, text), r: excerptOf(read.record) };
}

/** One folder's records into `out`, from its shard where a file has not changed; the shard is kept current. */
export function loadFolder(
  root: string,
  folder: string,
  paths: readonly string[],
  ctx: Context,
  out: Loaded,
  { shard, written }: { shard?: Shard; written: number },
): void {
  const { read, settings, full } = ctx;
  const old = shard?.entries ?? {};
  const entries: Record<string, CacheEntry> = {};
  let dirty = !shard;
  for (const path of paths) {
    const st = ctx.versions ? ctx.versions.get(path) : versionOf(root, path, ctx.blobs);
    if (!st) continue; // gone since the folder was listed
    const cached = old[path];
    const same = !!cached && sameVersion(cached.st, st);
    if (cached && stands(cached, st, written, full)) {
      entries[path] = cached;
      if (cached.r) out.records.push(revive(path, cached.r));
      if (cached.p) out.problems.push(...cached.p);
      continue;
    }
    const ahead = ctx.ahead?.get(path);
    const { entry, record } = ahead ? { entry: ahead, record: undefined } : readEntry(root, path, st, read);
    out.reread.push(path);
    entries[path] = entry;
    const shown = full ? record : entry.r && revive(path, entry.r);
    if (shown) out.records.push(shown);
    if (entry.p) out.problems.push(...entry.p);
    dirty ||= !same || !sameVersion(cached.st, entry.st) || JSON.stringify(cached.r) !== JSON.stringify(entry.r);
    // an unchanged file that was too new to trust: written again now, the cache can vouch for it
    dirty ||= same && trustedNow(st, written);
  }
  if (!dirty && Object.keys(old).length !== Object.keys(entries).length) dirty = true;
  const next = { format: FORMAT, kith: KITH_VERSION, settings, entries };
  if (!ctx.cache) {
    out.kept = false;
    return;
  }
  const file = shardFile(root, folder);
  if (dirty) out.kept &&= writeShard(file, next);
  current.set(file, next);
}

interface Context {
  readonly read: ReadText;
  readonly settings: string;
  readonly full: boolean;
  readonly cache: boolean;
  readonly blobs: Blobs;
  /** Entries of files read already, in other threads (read-ahead.ts). */
  readonly ahead?: ReadonlyMap<string, CacheEntry>;
  /** Each file's version, found already (undefined: gone). */
  readonly versions?: ReadonlyMap<string, Version | undefined>;
}

/** Whether a file's cached entry stands for it, so the file is not read again. */
const stands = (cached: CacheEntry | undefined, st: Version, written: number, full: boolean): boolean =>
  !!cached && sameVersion(cached.st, st) && trusted(st, written) && !full;

/** Each file's version now, and those whose cached entries do not stand: what a load reads. */
function toRead(
  root: string,
  folders: [string, string[]][],
  shards: { shard?: Shard; written: number }[],
  blobs: Blobs,
) {
  const versions = new Map<string, Version | undefined>();
  const files: [string, Version][] = [];
  folders.forEach(([, paths], i) => {
    const { shard, written } = shards[i]!;
    for (const path of paths) {
      const st = versionOf(root, path, blobs);
      versions.set(path, st);
      if (st && !stands(shard?.entries[path], st, written, false)) files.push([path, st]);
    }
  });
  return { versions, files };
}

/**
 * Every record of the repository, from the cache where a file has not changed. With `full`,
 * every file is read (records with bodies and timelines) and the cache refreshed on the way.
 * `blobs` is awaited only once the cache files are parsed: git answers meanwhile. With `threads`
 * (for `read` that is repoFileReader's), many files to read are read in worker threads.
 */
export async function loadRecords(
  root: string,
  paths: readonly string[],
  read: ReadText,
  opts: { full?: boolean; blobs?: Promise<Blobs>; threads?: boolean } = {},
): Promise<Loaded> {
  const settings = settingsHash(root);
  const cache = isOwnFolder(root);
  const folders = [...byFolder(paths)];
  const shards = folders.map(([folder]) => (cache ? readShard(shardFile(root, folder), settings) : { written: 0 }));
  const blobs = await opts.blobs;
  const full = opts.full ?? false;
  // many files to read (a cold cache, a checkout of another year): read in threads, one per core
  const { versions, files } = full || !opts.threads ? {} : toRead(root, folders, shards, blobs);
  const ahead = files && (await readAhead(root, files));
  const ctx: Context = { read, settings, full, cache, blobs, ahead, versions };
  const out: Loaded = { records: [], problems: [], reread: [], kept: true };
  folders.forEach(([folder, inFolder], i) => loadFolder(root, folder, inFolder, ctx, out, shards[i]!));
  return out;
}

/** What a write's refresh put in the cache. */
export interface Refreshed {
  /** Each path's new entry, null for one removed. */
  readonly entries: Map<string, CacheEntry | null>;
  /** The id each shard spliced had before, by folder. */
  readonly spliced: Map<string, string>;
}

/**
 * Brings the cache up to date for paths a command just wrote (and committed) or removed, under
 * its lock, from `written` where it holds the file's record, else by reading the file; what each
 * path's entry now is, or undefined when a shard could not be written or a folder was new.
 */
export function refreshPaths(
  root: string,
  read: ReadText,
  paths: readonly string[],
  written?: Written,
): Refreshed | undefined {
  if (!isOwnFolder(root)) return undefined;
  const settings = settingsHash(root);
  const changed = byFolder(paths.filter((p) => kindOfPath(p)));
  const out: Refreshed = { entries: new Map(), spliced: new Map() };
  let kept = true;
  for (const [folder, inFolder] of changed) {
    const file = shardFile(root, folder);
    const changes = new Map<string, CacheEntry | null>();
    for (const path of inFolder) {
      // just committed: the blob id of what was written is what git's index now holds
      const entry = !versionOf(root, path, undefined)
        ? null
        : (writtenEntry(root, path, written) ?? readEntry(root, path, BLOB_OF_TEXT, read).entry);
      changes.set(path, entry);
      out.entries.set(path, entry);
    }
    const shard = current.get(file);
    if (shard) {
      const entries = { ...shard.entries };
      for (const [path, entry] of changes) {
        if (entry) entries[path] = entry;
        else delete entries[path];
      }
      current.set(file, { ...shard, entries });
    }
    // the lines of the files written, in place: the folder's other entries are not read
    const was = spliceShard(file, settings, changes);
    if (was !== undefined) {
      out.spliced.set(folder, was);
      continue;
    }
    current.delete(file);
    // a folder without a cache yet (a new year, a first import): built whole, reading unwritten files
    const all = walkRecordFolders(root).records.filter((p) => p.startsWith(`${folder}/`));
    const ahead = new Map([...changes].filter((c): c is [string, CacheEntry] => c[1] !== null));
    const ctx = { read, settings, full: false, cache: true, blobs: undefined, ahead };
    loadFolder(root, folder, all, ctx, { records: [], problems: [], reread: [], kept: true }, { written: 0 });
    kept = false;
  }
  return kept ? out : undefined;
}

/** Forgets the whole cache: the next command rebuilds it from the files. */
export function clearCache(root: string): void {
  rmSync(join(root, CACHE_DIR), { recursive: true, force: true });
}
