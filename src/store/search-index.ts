// The search index in .kith/search (git-ignored, rebuilt at will): the words of every record
// file, in files by their first two letters, so a query reads only the files of its words.
// Kept current as the record cache is: files whose stat data changed since the index was
// built are read and matched directly, and when there are many the index is built again.
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayName, lastActivity, UsageError, type AnyRecord, type RecordKind } from '../core/model/index.js';
import {
  locate,
  queryTerms,
  rankHits,
  shardOf,
  termsOf,
  type Matches,
  type RankedHit,
  type SearchDoc,
} from '../core/search/index.js';
import { parseFileFast } from './front-matter-fast.js';
import type { GitView } from '../git/clean-files.js';
import { sameVersion, versionedFiles, versionOfText, type Version } from './file-versions.js';
import { isOwnFolder, writeCacheFile } from './cache-files.js';
import type { ReadText } from './index-cache.js';
import { kindOfPath } from './layout.js';
import { KITH_VERSION } from './package-files.js';
import { readRecord } from './records.js';

const DIR = '.kith/search';
const FORMAT = 2;
// Past this many changed files, building the index again costs less than reading them per query.
const REBUILD_AT = 500;

type DocRow = [path: string, version: Version, title: string, recency: string];
/** A word's documents: those with it in their fields, and those with it in their text. */
type Postings = [fields: number[], text: number[]];

interface DocsFile {
  readonly format: number;
  readonly kith: string;
  readonly docs: DocRow[];
  /** git's digest of the index when git vouched for every file and each row was of its blob. */
  readonly git?: string;
}

/** A freshly built index, its word files still in memory. */
interface Built {
  readonly index: DocsFile;
  readonly shards: Map<string, Record<string, Postings>>;
}

interface Words {
  readonly doc: SearchDoc;
  readonly fields: Set<string>;
  readonly text: Set<string>;
}

function wordsOf(path: string, text: string): Words {
  const { record } = readRecord(path, text, parseFileFast);
  const close = text.indexOf('\n---', 3);
  const cut = close < 0 ? 0 : close;
  const kind = kindOfPath(path) as RecordKind;
  const doc = { path, kind, title: record ? displayName(record) : path, recency: recencyOf(record) };
  return { doc, fields: termsOf(`${path} ${text.slice(0, cut)}`), text: termsOf(text.slice(cut)) };
}

function recencyOf(r: AnyRecord | undefined): string {
  if (!r) return '';
  return r.kind === 'conversation' ? lastActivity(r) : (r.created ?? '');
}

function readJson<T>(file: string): T | undefined {
  try {
    // only a plain file of ours: a link or a FIFO in .kith/ is not read
    if (!lstatSync(file).isFile()) return undefined;
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Builds the whole index from the files: written aside, then put in place in one rename. */
function build(root: string, files: readonly [string, Version][], read: ReadText, git: GitView | undefined): Built {
  const docs: DocRow[] = [];
  const shards = new Map<string, Map<string, Postings>>();
  const add = (term: string, id: number, slot: 0 | 1) => {
    const key = shardOf(term);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = new Map()));
    let postings = shard.get(term);
    if (!postings) shard.set(term, (postings = [[], []]));
    postings[slot].push(id);
  };
  let exact = true;
  for (const [path, version] of files) {
    const { text } = read(path);
    if (text === undefined) continue;
    const { doc, fields, text: words } = wordsOf(path, text);
    const id = docs.length;
    docs.push([path, versionOfText(root, version, text), doc.title, doc.recency]);
    exact &&= docs[id]![1] === version;
    for (const t of fields) add(t, id, 0);
    for (const t of words) if (!fields.has(t)) add(t, id, 1);
  }
  const index: DocsFile = { format: FORMAT, kith: KITH_VERSION, docs, git: vouched(git, exact) };
  const built = { index, shards: new Map([...shards].map(([key, shard]) => [key, Object.fromEntries(shard)])) };
  if (!isOwnFolder(root, DIR)) return built;
  const tmp = join(root, `${DIR}.${process.pid}.tmp`);
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const [key, shard] of shards)
      writeFileSync(join(tmp, `t-${key}.json`), JSON.stringify(Object.fromEntries(shard)));
    writeFileSync(join(tmp, 'docs.json'), JSON.stringify(index));
    rmSync(join(root, DIR), { recursive: true, force: true });
    renameSync(tmp, join(root, DIR));
  } catch {
    // a read-only checkout still searches, building in memory each time
    rmSync(tmp, { recursive: true, force: true });
  }
  return built;
}

const prefixed = (words: Set<string>, term: string) => [...words].some((w) => w.startsWith(term));

/** git's digest, when git vouched for every file and the rows are exactly of those blobs. */
const vouched = (git: GitView | undefined, exact: boolean) => (git?.settled && exact ? git.digest : undefined);

/** Documents the index may not speak for: changed or new files, and whether any it knows is gone. */
function changesSince(index: DocsFile, files: readonly [string, Version][]) {
  const known = new Map(index.docs.map((row, id) => [row[0], { row, id }]));
  const changed = files.filter(([path, st]) => {
    const k = known.get(path);
    return !k || !sameVersion(k.row[1], st);
  });
  return { changed, gone: files.length - changed.length !== index.docs.length };
}

/** The documents that match any query word, from the index and from the files changed since. */
async function searchIndex(
  root: string,
  read: ReadText,
  terms: readonly string[],
  view: Promise<GitView | undefined>,
): Promise<Map<SearchDoc, Matches>> {
  const own = isOwnFolder(root, DIR);
  let built: Built | undefined;
  let index = own ? readJson<DocsFile>(join(root, DIR, 'docs.json')) : undefined;
  // git answers while the index is parsed
  const git = await view;
  if (index?.format !== FORMAT || index.kith !== KITH_VERSION || !Array.isArray(index.docs)) index = undefined;
  // the index was current when git last vouched for every file, and no file has moved since
  const unmoved = !!index?.git && !!git?.settled && index.git === git.digest;
  const files = unmoved ? [] : versionedFiles(root, git?.clean);
  if (!index) index = (built = build(root, files, read, git)).index;
  let { changed, gone } = unmoved ? { changed: [], gone: false } : changesSince(index, files);
  if (changed.length > REBUILD_AT) {
    index = (built = build(root, files, read, git)).index;
    ({ changed, gone } = { changed: [], gone: false });
  } else if (!unmoved && !changed.length && !gone && !built && own && vouched(git, true) !== index.git) {
    // current, and git vouches for every file now: the next search trusts git's digest alone
    index = {
      ...index,
      git: vouched(
        git,
        index.docs.every((row) => git?.clean.get(row[0]) === row[1]),
      ),
    };
    writeCacheFile(join(root, DIR, 'docs.json'), JSON.stringify(index));
  }
  // documents the index may speak for: still there, unchanged
  const stale = new Set(changed.map(([path]) => path));
  const present = gone ? new Set(files.map(([path]) => path)) : undefined;
  const docOf = new Map<number, SearchDoc>();
  const out = new Map<SearchDoc, number[]>();
  const mark = (doc: SearchDoc, i: number, m: number) => {
    let matches = out.get(doc);
    if (!matches) out.set(doc, (matches = terms.map(() => 0)));
    matches[i] = Math.max(matches[i]!, m);
  };
  const shards = new Map<string, Record<string, Postings>>();
  terms.forEach((term, i) => {
    const key = shardOf(term);
    if (!shards.has(key))
      shards.set(
        key,
        built?.shards.get(key) ?? ((own && readJson<Record<string, Postings>>(join(root, DIR, `t-${key}.json`))) || {}),
      );
    for (const [word, [fields, text]] of Object.entries(shards.get(key)!)) {
      if (!word.startsWith(term)) continue;
      for (const [slot, ids] of [fields, text].entries())
        for (const id of ids) {
          const row = index.docs[id];
          if (!row || stale.has(row[0]) || (present && !present.has(row[0]))) continue;
          let doc = docOf.get(id);
          if (!doc) docOf.set(id, (doc = { path: row[0], kind: kindOfPath(row[0])!, title: row[2], recency: row[3] }));
          mark(doc, i, slot === 0 ? 2 : 1);
        }
    }
  });
  for (const [path] of changed) {
    const { text } = read(path);
    if (text === undefined) continue;
    const words = wordsOf(path, text);
    terms.forEach((term, i) => {
      if (prefixed(words.fields, term)) mark(words.doc, i, 2);
      else if (prefixed(words.text, term)) mark(words.doc, i, 1);
    });
  }
  return out;
}

export interface SearchHit extends RankedHit {
  /** The file line of the first match, and that line, trimmed around it. */
  readonly line: number;
  readonly snippet: string;
}

/** The best `limit` records for a query, of the given kinds, each with file:line and a snippet. */
export async function searchRecords(
  root: string,
  read: ReadText,
  query: string,
  opts: { kinds?: readonly RecordKind[]; limit: number; git?: Promise<GitView | undefined> },
): Promise<{ terms: string[]; hits: SearchHit[] }> {
  const terms = queryTerms(query);
  if (!terms.length)
    throw new UsageError(
      `nothing to search for in "${query}"`,
      'give a word of two letters or more, like: kith search acme',
    );
  const found = await searchIndex(root, read, terms, opts.git ?? Promise.resolve(undefined));
  if (opts.kinds) for (const doc of [...found.keys()]) if (!opts.kinds.includes(doc.kind)) found.delete(doc);
  const hits = rankHits(found, opts.limit).map((hit) => {
    const { text } = read(hit.path);
    return { ...hit, ...locate(text ?? '', terms) };
  });
  return { terms, hits };
}
