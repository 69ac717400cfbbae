// The index cache's shard files in .kith/cache/, one per record folder: a first line with the
// keys of the folder's records (what resolving a reference reads), then the shard itself (each
// file's version and its record's excerpt), one JSON text with a line for each entry, so a
// write changes the lines of the files it wrote without reading the rest (spliceShard). Both are
// of one format, Kith and kith.yaml, and name the shard's id: each writing gives a new one, and the
// manifest vouches for shards by id (a shard moved on since is never vouched for).
import { randomBytes } from 'node:crypto';
import { lstatSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem, RecordKey, RecordKind } from '../core/model/index.js';
import { CACHE_DIR, readCacheBytes, readCacheLine, writeCacheFile } from './cache-files.js';
import type { Version } from './file-versions.js';
import { kindOfPath } from './layout.js';
import { KITH_VERSION } from './package-files.js';

/** Bumped whenever what an entry holds changes. */
export const FORMAT = 9;

export interface CacheEntry {
  readonly st: Version;
  readonly r?: Record<string, unknown>;
  readonly p?: readonly Problem[];
}

export interface Shard {
  readonly format: number;
  readonly kith: string;
  readonly settings: string;
  /** Given when the shard is written (writeShard). */
  readonly id?: string;
  readonly entries: Record<string, CacheEntry>;
}

/** The id of each shard file as this process last read or wrote it: what a manifest vouches for. */
export const shardIds = new Map<string, string>();

export const shardFile = (root: string, folder: string) => join(root, CACHE_DIR, `${folder.replace(/\//g, '-')}.json`);

/**
 * What resolving a reference reads of each record of a shard: path, then id, name (or title or
 * subject), and e-mails or domains. A shard file holds them on its first line, so a reference is
 * resolved without parsing the excerpts after it.
 */
export type ShardKeys = Record<string, KeyLine>;

/** A conversation's also says whom and what it is with (slugs, '' for none) and whether it is open (1) or not (0). */
type KeyLine =
  | [id: string, name: string, emails?: string[], domains?: string[]]
  | [id: string, name: string, emails: [], domains: [], participants: string[], org: string, deal: string, open: 0 | 1];

interface KeysLine {
  readonly format: number;
  readonly kith: string;
  readonly settings: string;
  id?: string;
  readonly keys: ShardKeys;
}

/** A record's keys line, from its excerpt. */
function keyLineOf(path: string, excerpt: Record<string, unknown>): KeyLine {
  const r = excerpt as {
    id?: string;
    name?: string;
    title?: string;
    subject?: string;
    emails?: string[];
    domains?: string[];
  };
  const [id, name] = [r.id ?? '', r.name ?? r.title ?? r.subject ?? ''];
  if (kindOfPath(path) === 'conversation') {
    const {
      participants = [],
      org = '',
      deal = '',
      turn,
    } = r as { participants?: string[]; org?: string; deal?: string; turn?: string };
    return [id, name, [], [], participants, org, deal, turn === 'closed' ? 0 : 1];
  }
  const key: KeyLine = [id, name];
  if (r.emails || r.domains) key.push(r.emails ?? []);
  if (r.domains) key.push(r.domains);
  return key;
}

/** The keys of a shard's records (entries without a record have none). */
export function keysOfShard(shard: Shard): ShardKeys {
  const keys: ShardKeys = {};
  for (const path in shard.entries) {
    const r = shard.entries[path]!.r;
    if (r) keys[path] = keyLineOf(path, r);
  }
  return keys;
}

/** A record's key from its keys line; undefined unless it fits: NAME.md directly in `folder` (of `kind`). */
export function keyOfLine(folder: string, kind: RecordKind, path: string, line: unknown): RecordKey | undefined {
  const file = path.slice(folder.length + 1);
  const inFolder = path.startsWith(folder) && path[folder.length] === '/' && !file.includes('/');
  if (!inFolder || file.length < 4 || !file.endsWith('.md') || !Array.isArray(line)) return undefined;
  const [id, name, emails = [], domains = [], participants, org, deal, open] = line as unknown[];
  if (!isText(id) || !isText(name) || !isTexts(emails) || !isTexts(domains)) return undefined;
  const slug = file.slice(0, -3);
  if (kind !== 'conversation') return { kind, slug, path, id, name, emails, domains };
  if (!isTexts(participants) || !isText(org) || !isText(deal) || (open !== 0 && open !== 1)) return undefined;
  const about = { participants, org: org || undefined, deal: deal || undefined, open: open === 1 };
  return { kind, slug, path, id, name, emails, domains, about };
}

const isText = (x: unknown): x is string => typeof x === 'string';
const isTexts = (x: unknown): x is string[] => Array.isArray(x) && x.every(isText);

const fits = (x: Partial<Shard | KeysLine> | undefined, settings: string) =>
  x?.format === FORMAT && x.kith === KITH_VERSION && x.settings === settings;

/**
 * A shard, with its file's time (what its entries are trusted against), when it is of this
 * format, Kith and kith.yaml.
 */
export function readShard(file: string, settings: string): { shard?: Shard; written: number } {
  let written = 0;
  try {
    written = lstatSync(file).mtimeMs;
  } catch {
    return { written: 0 };
  }
  const bytes = readCacheBytes(file);
  const end = bytes ? bytes.indexOf(10) : -1;
  let shard: Shard | undefined;
  try {
    shard = end < 0 ? undefined : (JSON.parse(bytes!.toString('utf8', end + 1)) as Shard);
  } catch {
    return { written: 0 };
  }
  if (!fits(shard, settings) || !shard!.entries || typeof shard!.entries !== 'object') return { written: 0 };
  if (typeof shard!.id === 'string') shardIds.set(file, shard!.id);
  return { shard, written };
}

/** A shard file's keys line alone, and the shard's id, when it is of this format, Kith and kith.yaml. */
export function readShardKeys(file: string, settings: string): { keys: ShardKeys; id?: string } | undefined {
  const text = readCacheLine(file);
  try {
    const line = text === undefined ? undefined : (JSON.parse(text) as KeysLine);
    const keys = fits(line, settings) ? line!.keys : undefined;
    const id = typeof line?.id === 'string' ? line.id : undefined;
    return keys && typeof keys === 'object' && !Array.isArray(keys) ? { keys, id } : undefined;
  } catch {
    return undefined;
  }
}

/** The index cache's manifest (store/cache-manifest.ts), beside the shards it vouches for. */
export const MANIFEST = 'manifest.json';

/**
 * Writes a shard, after removing the manifest: it vouched for the shards as they were, and a
 * shard moved on must not be trusted when git's view comes back to the one it names (a reset, a
 * checkout). A command that keeps the cache current as a whole writes the manifest again.
 */
export function writeShard(file: string, shard: Shard): boolean {
  const keys: KeysLine = { format: shard.format, kith: shard.kith, settings: shard.settings, keys: keysOfShard(shard) };
  return writeShardText(
    file,
    keys,
    Object.keys(shard.entries).map((path) => entryLine(path, shard.entries[path]!)),
  );
}

// The shard's text after its keys line: its head, opening `entries`, then one line for each
// entry (a comma before all but the first), then the end. One JSON text: a reader parses it whole.
const entryLine = (path: string, entry: CacheEntry) => `${JSON.stringify(path)}:${JSON.stringify(entry)}`;
const END = '}}';
const headOf = ({ format, kith, settings, id }: KeysLine) =>
  JSON.stringify({ format, kith, settings, id, entries: 0 }).slice(0, -2) + '{';

/** Whether `at` is a path as JSON writes it, whole: a line of another layout is not spliced. */
function isWritten(at: string): boolean {
  try {
    const path: unknown = JSON.parse(at);
    return typeof path === 'string' && JSON.stringify(path) === at;
  } catch {
    return false;
  }
}

/**
 * A shard file written from its keys and entry lines under a new id, after removing the manifest
 * (see writeShard); with `time`, the file keeps that modification time.
 */
function writeShardText(file: string, keys: KeysLine, lines: readonly string[], time?: Date): boolean {
  rmSync(join(dirname(file), MANIFEST), { force: true });
  keys.id = randomBytes(8).toString('hex');
  const entries = lines.map((l, i) => (i ? `,${l}` : l)).join('\n');
  const text = `${JSON.stringify(keys)}\n${headOf(keys)}\n${entries}\n${END}`;
  if (!writeCacheFile(file, text, time && ((tmp) => utimesSync(tmp, time, time)))) return false;
  shardIds.set(file, keys.id);
  return true;
}

/**
 * Changes the entries of these paths in a shard file (null: removed), and their keys, reading and
 * parsing no other entry: each path's line is replaced, added or dropped. The id the shard had
 * (written under a new one), or undefined (nothing written) when the file is not a shard of this
 * format, Kith and kith.yaml laid out as writeShard lays it out.
 *
 * The file keeps its modification time: the entries left as they were are trusted against the
 * time they were found at (file-versions.ts), and those changed are of files just committed.
 */
export function spliceShard(
  file: string,
  settings: string,
  changes: ReadonlyMap<string, CacheEntry | null>,
): string | undefined {
  const time = lstatSync(file, { throwIfNoEntry: false })?.mtime;
  const text = readCacheBytes(file)?.toString('utf8');
  const lines = text?.split('\n') ?? [];
  let keys: KeysLine | undefined;
  try {
    keys = JSON.parse(lines[0] ?? '') as KeysLine;
  } catch {
    return undefined;
  }
  const was = keys?.id;
  if (
    !fits(keys, settings) ||
    !keys.keys ||
    typeof was !== 'string' ||
    lines[1] !== headOf(keys) ||
    lines.at(-1) !== END
  )
    return undefined;
  // each entry's line by its path as written (a JSON string), without the comma before it
  const entries = new Map<string, string>();
  for (const line of lines.slice(2, -1)) {
    const body = line.startsWith(',') ? line.slice(1) : line;
    const at = body.slice(0, body.indexOf('":') + 1);
    if (!isWritten(at)) return undefined;
    entries.set(at, body);
  }
  for (const [path, entry] of changes) {
    const at = JSON.stringify(path);
    if (entry) entries.set(at, entryLine(path, entry));
    else entries.delete(at);
    if (entry?.r) keys.keys[path] = keyLineOf(path, entry.r);
    else delete keys.keys[path];
  }
  return writeShardText(file, keys, [...entries.values()], time) ? was : undefined;
}
