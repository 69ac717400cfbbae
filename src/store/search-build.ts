// Building the search index from the record files, and the words of one file: what a search
// needs only when files changed since the index was built (it parses records: schema, YAML).
import { displayName, lastActivity, type AnyRecord, type RecordKind } from '../core/model/index.js';
import { encodeIds, shardOf, termsOf, type SearchDoc } from '../core/search/index.js';
import type { GitView } from '../git/clean-files.js';
import { versionOfText } from './file-versions.js';
import { vouchedDigest } from './search-changes.js';
import { parseFileFast } from './front-matter-fast.js';
import type { ReadText } from './index-cache.js';
import { kindOfPath } from './layout.js';
import { readRecord } from './records.js';
import { KINDS, storeIndex, type Index, type VersionRow, type Words } from './search-files.js';

/** A file's words by where they are: its record's name (or title or subject), its other front matter, the rest. */
interface FileWords {
  readonly doc: SearchDoc;
  readonly names: Set<string>;
  readonly fields: Set<string>;
  readonly text: Set<string>;
}

export function wordsOf(path: string, text: string): FileWords {
  const { record } = readRecord(path, text, parseFileFast);
  const close = text.indexOf('\n---', 3);
  const cut = close < 0 ? 0 : close;
  const kind = kindOfPath(path) as RecordKind;
  const doc = { path, kind, title: record ? displayName(record) : path, recency: recencyOf(record) };
  return {
    doc,
    names: termsOf(record ? doc.title : ''),
    fields: termsOf(`${path} ${text.slice(0, cut)}`),
    text: termsOf(text.slice(cut)),
  };
}

function recencyOf(r: AnyRecord | undefined): string {
  if (!r) return '';
  return r.kind === 'conversation' ? lastActivity(r) : (r.created ?? '');
}

/** Builds the whole index from the files. */
export function build(root: string, files: readonly VersionRow[], read: ReadText, git: GitView | undefined): Index {
  const rows: [string, string][] = [];
  const ranks: string[] = [];
  const versions: VersionRow[] = [];
  const postings = new Map<string, Map<string, [number[], number[], number[]]>>();
  const add = (term: string, id: number, slot: 0 | 1 | 2) => {
    const key = shardOf(term);
    let shard = postings.get(key);
    if (!shard) postings.set(key, (shard = new Map()));
    let ids = shard.get(term);
    if (!ids) shard.set(term, (ids = [[], [], []]));
    ids[slot].push(id);
  };
  let exact = true;
  for (const [path, version] of files) {
    const { text } = read(path);
    if (text === undefined) continue;
    const { doc, names, fields, text: words } = wordsOf(path, text);
    const id = rows.length;
    const got = versionOfText(root, version, text);
    exact &&= got === version;
    rows.push([path, doc.title]);
    ranks.push(`${KINDS.indexOf(doc.kind)}${doc.recency}`);
    versions.push([path, got]);
    for (const t of names) add(t, id, 0);
    for (const t of fields) if (!names.has(t)) add(t, id, 1);
    for (const t of words) if (!names.has(t) && !fields.has(t)) add(t, id, 2);
  }
  const shards = new Map<string, Words>();
  for (const [key, shard] of postings) {
    const words: Words = {};
    for (const [word, ids] of shard) words[word] = [encodeIds(ids[0]), encodeIds(ids[1]), encodeIds(ids[2])];
    shards.set(key, words);
  }
  return storeIndex(root, { rows, ranks, versions, shards, git: vouchedDigest(git, exact) });
}
