// The search index's files in .kith/search (git-ignored, rebuilt at will), read part by part:
// every search reads the head, the ranks and its words' files, the rows of its best hits only,
// and the versions only when git cannot vouch for the index as a whole. Never trusts a part that
// does not fit its head: that throws Corrupt, and the index is built again.
import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordKind } from '../core/model/index.js';
import type { Version } from './file-versions.js';
import { isOwnFolder, readCacheJson, writeCacheFile } from './cache-files.js';
import { makeLocalFolder } from './files.js';
import { KIND_DIRS } from './layout.js';
import { KITH_VERSION } from './package-files.js';

export const DIR = '.kith/search';
const FORMAT = 4;
// a document's kind is kept as its place in this list, one digit
export const KINDS = Object.keys(KIND_DIRS) as RecordKind[];

/*
 * The files of the index, all of one build (each names it, so parts of two builds are never mixed):
 *   head.json      {format, kith, build, docs, git?}: read by every search, a few bytes
 *   ranks.txt      the build, then per document a line: its kind's digit and its recency
 *   rows.txt       the build, then per document a JSON line [path, title]: only hits' are parsed
 *   versions.json  {build, rows: [[path, version], ...]}: read only when git cannot vouch for the index
 *   t-XX.json      {build, words: {word: [names, fields, text]}}: each word's documents (core/search/postings.ts)
 */
export interface Head {
  readonly format: number;
  readonly kith: string;
  /** Names this build of the index: every other file of it starts with it. */
  readonly build: string;
  readonly docs: number;
  /** git's digest of the index when git vouched for every file and each row was of its blob. */
  readonly git?: string;
}

export type VersionRow = [path: string, version: Version];
/**
 * A word's documents, as encodeIds spells them: those it names (name, title or subject),
 * those with it in their other fields, and those with it in their text only.
 */
type Postings = [names: string, fields: string, text: string];
export type Words = Record<string, Postings>;

/** The index as a search reads it, each part when first asked for; a part that does not fit its head throws Corrupt. */
export interface Index {
  readonly head: Head;
  /** Each document's kind digit and recency. */
  readonly ranks: () => readonly string[];
  readonly row: (id: number) => readonly [path: string, title: string];
  readonly versions: () => readonly VersionRow[];
  readonly words: (shard: string) => Words;
}

/** A part of the index on disk is torn, mixed or not ours: the index is built again. */
export class Corrupt extends Error {}

export const corrupt = (): never => {
  throw new Corrupt('search index does not fit together');
};

/** A plain file of ours: a link or a FIFO in .kith/ is not read. */
function readOwn(file: string): Buffer | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** Where each line of a file starts, its first line checked to be the build; one more than the lines, for the end. */
function lineStarts(bytes: Buffer | undefined, head: Head): Uint32Array {
  if (!bytes) return corrupt();
  const starts = new Uint32Array(head.docs + 2);
  let n = 0;
  for (let at = 0; at < bytes.length;) {
    const end = bytes.indexOf(10, at);
    if (end < 0 || n > head.docs) return corrupt();
    starts[n++] = at;
    at = end + 1;
  }
  starts[n] = bytes.length;
  const build = starts[1]! - 1;
  if (n !== head.docs + 1 || bytes.toString('latin1', 0, build) !== head.build) return corrupt();
  return starts;
}

/** The index in .kith/search as its head describes it, or undefined when there is none of this format. */
export function openIndex(root: string): Index | undefined {
  const dir = join(root, DIR);
  const head = readCacheJson<Head>(join(dir, 'head.json'));
  if (
    head?.format !== FORMAT ||
    head.kith !== KITH_VERSION ||
    !isString(head.build) ||
    !Number.isSafeInteger(head.docs) ||
    head.docs < 0
  )
    return undefined;
  let ranks: string[] | undefined;
  let rows: { bytes: Buffer; starts: Uint32Array } | undefined;
  let versions: VersionRow[] | undefined;
  return {
    head,
    ranks: () => {
      if (ranks) return ranks;
      const lines = readOwn(join(dir, 'ranks.txt'))?.toString('utf8').split('\n') ?? corrupt();
      if (lines.length !== head.docs + 2 || lines[0] !== head.build || lines.pop() !== '') corrupt();
      return (ranks = lines.slice(1));
    },
    row: (id) => {
      if (!rows) {
        const bytes = readOwn(join(dir, 'rows.txt'));
        rows = { starts: lineStarts(bytes, head), bytes: bytes! };
      }
      if (!(id >= 0 && id < head.docs)) return corrupt();
      let row: unknown;
      try {
        row = JSON.parse(rows.bytes.toString('utf8', rows.starts[id + 1], rows.starts[id + 2]! - 1));
      } catch {
        return corrupt();
      }
      return Array.isArray(row) && row.length === 2 && row.every(isString) ? (row as [string, string]) : corrupt();
    },
    versions: () => {
      if (versions) return versions;
      const file = readCacheJson<{ build: string; rows: VersionRow[] }>(join(dir, 'versions.json'));
      if (file?.build !== head.build || !Array.isArray(file.rows) || file.rows.length !== head.docs) corrupt();
      return (versions = file!.rows);
    },
    words: (shard) => {
      const file = readCacheJson<{ build: string; words: Words }>(join(dir, `t-${shard}.json`));
      // no file: no word of the index starts so
      if (!file) return {};
      return file.build === head.build && typeof file.words === 'object' ? file.words : corrupt();
    },
  };
}

/** A freshly built index's parts, in document order, its words' ids already encoded. */
export interface Parts {
  readonly rows: readonly [path: string, title: string][];
  readonly ranks: readonly string[];
  readonly versions: readonly VersionRow[];
  readonly shards: ReadonlyMap<string, Words>;
  readonly git: string | undefined;
}

/** Puts a built index in place, written aside and renamed over the old one whole (in memory only when read-only). */
export function storeIndex(root: string, parts: Parts): Index {
  const head: Head = {
    format: FORMAT,
    kith: KITH_VERSION,
    build: randomBytes(6).toString('hex'),
    docs: parts.rows.length,
    git: parts.git,
  };
  const index: Index = {
    head,
    ranks: () => parts.ranks,
    row: (id) => parts.rows[id]!,
    versions: () => parts.versions,
    words: (key) => parts.shards.get(key) ?? {},
  };
  if (!isOwnFolder(root, DIR)) return index;
  const tmp = join(root, `${DIR}.${process.pid}.tmp`);
  const lines = (of: readonly string[]) => `${[head.build, ...of].join('\n')}\n`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    makeLocalFolder(tmp);
    for (const [key, words] of parts.shards)
      writeFileSync(join(tmp, `t-${key}.json`), JSON.stringify({ build: head.build, words }));
    writeFileSync(join(tmp, 'rows.txt'), lines(parts.rows.map((row) => JSON.stringify(row))));
    writeFileSync(join(tmp, 'ranks.txt'), lines(parts.ranks));
    writeFileSync(join(tmp, 'versions.json'), JSON.stringify({ build: head.build, rows: parts.versions }));
    // the head last: an index without one is not read
    writeFileSync(join(tmp, 'head.json'), JSON.stringify(head));
    rmSync(join(root, DIR), { recursive: true, force: true });
    renameSync(tmp, join(root, DIR));
  } catch {
    // a read-only checkout still searches, building in memory each time
    rmSync(tmp, { recursive: true, force: true });
  }
  return index;
}

/** Records git's word on the index as it stands (or takes it back), its other files untouched. */
export function vouchIndex(root: string, head: Head, git: string | undefined): void {
  writeCacheFile(join(root, DIR, 'head.json'), JSON.stringify({ ...head, git }));
}
