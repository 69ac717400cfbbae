// The index cache's shard files in .kith/cache/, one per record folder: a first line with the
// keys of the folder's records (what resolving a reference reads), then the shard itself (each
// file's version and its record's excerpt). Both are of one format, Kith and kith.yaml.
import { lstatSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem, RecordKey } from '../core/model/index.js';
import { CACHE_DIR, readCacheBytes, readCacheLine, writeCacheFile } from './cache-files.js';
import type { Version } from './file-versions.js';
import { kindOfPath, slugOfPath } from './layout.js';
import { KITH_VERSION } from './package-files.js';

/** Bumped whenever what an entry holds changes. */
export const FORMAT = 7;

export interface CacheEntry {
  readonly st: Version;
  readonly r?: Record<string, unknown>;
  readonly p?: readonly Problem[];
}

export interface Shard {
  readonly format: number;
  readonly kith: string;
  readonly settings: string;
  readonly entries: Record<string, CacheEntry>;
}

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
  readonly keys: ShardKeys;
}

/** The keys of a shard's records (entries without a record have none). */
export function keysOfShard(shard: Shard): ShardKeys {
  const keys: ShardKeys = {};
  for (const path in shard.entries) {
    const r = shard.entries[path]!.r as
      | { id?: string; name?: string; title?: string; subject?: string; emails?: string[]; domains?: string[] }
      | undefined;
    if (!r) continue;
    const [id, name] = [r.id ?? '', r.name ?? r.title ?? r.subject ?? ''];
    if (kindOfPath(path) === 'conversation') {
      const {
        participants = [],
        org = '',
        deal = '',
        turn,
      } = r as { participants?: string[]; org?: string; deal?: string; turn?: string };
      keys[path] = [id, name, [], [], participants, org, deal, turn === 'closed' ? 0 : 1];
      continue;
    }
    const key: KeyLine = [id, name];
    if (r.emails || r.domains) key.push(r.emails ?? []);
    if (r.domains) key.push(r.domains);
    keys[path] = key;
  }
  return keys;
}

/** A record's key as its shard's keys line gives it, or undefined when it does not fit there. */
export function keyOfLine(folder: string, path: string, line: unknown): RecordKey | undefined {
  const kind = kindOfPath(path);
  if (!kind || path.slice(0, path.lastIndexOf('/')) !== folder || !Array.isArray(line)) return undefined;
  const [id, name, emails = [], domains = [], participants, org, deal, open] = line as unknown[];
  if (!isText(id) || !isText(name) || !isTexts(emails) || !isTexts(domains)) return undefined;
  const slug = slugOfPath(path);
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
  return fits(shard, settings) && !!shard!.entries && typeof shard!.entries === 'object'
    ? { shard, written }
    : { written: 0 };
}

/** A shard file's keys line alone, when it is of this format, Kith and kith.yaml. */
export function readShardKeys(file: string, settings: string): ShardKeys | undefined {
  const text = readCacheLine(file);
  try {
    const line = text === undefined ? undefined : (JSON.parse(text) as KeysLine);
    const keys = fits(line, settings) ? line!.keys : undefined;
    return keys && typeof keys === 'object' && !Array.isArray(keys) ? keys : undefined;
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
  rmSync(join(dirname(file), MANIFEST), { force: true });
  const keys: KeysLine = { format: shard.format, kith: shard.kith, settings: shard.settings, keys: keysOfShard(shard) };
  return writeCacheFile(file, `${JSON.stringify(keys)}\n${JSON.stringify(shard)}`);
}
