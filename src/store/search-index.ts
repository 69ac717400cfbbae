// The search index (its files: search-files.ts): the words of every record file, in files by
// their first two letters, so a query reads only the files of its words.
// Kept current as the record cache is: files whose stat data changed since the index was
// built are read and matched directly, and when there are many the index is built again.
import { UsageError } from '../core/model/errors.js';
import type { RecordKind } from '../core/model/index.js';
import {
  decodeIds,
  locate,
  queryTerms,
  rankHits,
  shardOf,
  type RankedHit,
  type SearchDoc,
} from '../core/search/index.js';
import type { GitView } from '../git/clean-files.js';
import { versionedFiles } from './file-versions.js';
import { compareFiles, keepChanges, keptChanges, vouchedDigest } from './search-changes.js';
import { isOwnFolder } from './cache-files.js';
import type { ReadText } from './index-cache.js';
import { Corrupt, corrupt, DIR, KINDS, openIndex, vouchIndex, type Index } from './search-files.js';

// Past this many changed files, building the index again costs less than reading them per query.
const REBUILD_AT = 500;

const prefixed = (words: Set<string>, term: string) => [...words].some((w) => w.startsWith(term));

/** A document of the index that matched: what ranking needs, its path and title read only for the best. */
interface Candidate {
  readonly id: number;
  readonly kind: RecordKind;
  readonly recency: string;
}

type Found = Map<Candidate | SearchDoc, number[]>;

/** The documents that match any query word, from the index and from the files changed since. */
async function searchIndex(
  root: string,
  read: ReadText,
  terms: readonly string[],
  view: Promise<GitView | undefined>,
  fresh: boolean,
): Promise<{ index: Index; found: Found }> {
  const own = isOwnFolder(root, DIR);
  let index = own && !fresh ? openIndex(root) : undefined;
  const readWords = (of: Index) => new Map(terms.map((term) => [shardOf(term), of.words(shardOf(term))]));
  // the index's words are read while git answers
  let words = index && readWords(index);
  index?.ranks();
  const git = await view;
  // the index was current when git last vouched for every file, and no file has moved since
  const unmoved = !!index?.head.git && !!git?.settled && index.head.git === git.digest;
  // or what it cannot speak for was worked out under the same digest
  const kept = index && !unmoved ? keptChanges(root, index, git) : undefined;
  const files = unmoved || kept ? [] : versionedFiles(root, git?.clean);
  let built = !index;
  // parsing records loads the schema and YAML: only a search that must read files does
  const builder = () => import('./search-build.js');
  if (!index) index = (await builder()).build(root, files, read, git);
  let since = unmoved || built ? { changed: [], skip: new Set<number>() } : (kept ?? compareFiles(index, files));
  if (since.changed.length > REBUILD_AT) {
    index = (await builder()).build(root, kept ? versionedFiles(root, git?.clean) : files, read, git);
    built = true;
    since = { changed: [], skip: new Set() };
  } else if (!unmoved && !kept && !built && own) {
    const clean = git?.clean;
    if (since.changed.length || since.skip.size) keepChanges(root, index, git, since);
    // current, and git vouches for every file now: the next search trusts git's digest alone
    else if (vouchedDigest(git, true) !== index.head.git)
      vouchIndex(
        root,
        index.head,
        vouchedDigest(
          git,
          index.versions().every(([path, v]) => clean?.get(path) === v),
        ),
      );
  }
  if (built || !words) words = readWords(index);
  const { changed, skip } = since;
  const ranks = index.ranks();
  const docOf = new Map<number, Candidate>();
  const found: Found = new Map();
  const mark = (doc: Candidate | SearchDoc, i: number, m: number) => {
    let matches = found.get(doc);
    if (!matches) found.set(doc, (matches = terms.map(() => 0)));
    matches[i] = Math.max(matches[i]!, m);
  };
  terms.forEach((term, i) => {
    for (const [word, postings] of Object.entries(words.get(shardOf(term))!)) {
      if (!word.startsWith(term)) continue;
      for (const [slot, encoded] of postings.entries())
        for (const id of decodeIds(encoded) ?? corrupt()) {
          // documents the index may speak for: still there, unchanged
          if (skip.has(id)) continue;
          let doc = docOf.get(id);
          if (!doc) {
            const rank = ranks[id] ?? corrupt();
            docOf.set(id, (doc = { id, kind: KINDS[Number(rank[0])] ?? corrupt(), recency: rank.slice(1) }));
          }
          mark(doc, i, 3 - slot);
        }
    }
  });
  const { wordsOf } = changed.length ? await builder() : { wordsOf: undefined };
  for (const path of changed) {
    const { text } = read(path);
    if (text === undefined) continue;
    const words = wordsOf!(path, text);
    terms.forEach((term, i) => {
      if (prefixed(words.names, term)) mark(words.doc, i, 3);
      else if (prefixed(words.fields, term)) mark(words.doc, i, 2);
      else if (prefixed(words.text, term)) mark(words.doc, i, 1);
    });
  }
  return { index, found };
}

/** The best `limit` documents of the given kinds, each whole. */
async function bestDocs(
  root: string,
  read: ReadText,
  terms: readonly string[],
  opts: { kinds?: readonly RecordKind[]; limit: number; git: Promise<GitView | undefined> },
  fresh: boolean,
): Promise<RankedHit[]> {
  const { index, found } = await searchIndex(root, read, terms, opts.git, fresh);
  if (opts.kinds) for (const doc of [...found.keys()]) if (!opts.kinds.includes(doc.kind)) found.delete(doc);
  return rankHits(found, opts.limit).map((hit) => {
    if (!('id' in hit)) return hit;
    const [path, title] = index.row(hit.id);
    return { path, kind: hit.kind, title, recency: hit.recency, score: hit.score };
  });
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
  const git = opts.git ?? Promise.resolve(undefined);
  const ranked = await bestDocs(root, read, terms, { ...opts, git }, false).catch((e: unknown) => {
    if (e instanceof Corrupt) return bestDocs(root, read, terms, { ...opts, git }, true);
    throw e;
  });
  const hits = ranked.map((hit) => {
    const { text } = read(hit.path);
    return { ...hit, ...locate(text ?? '', terms) };
  });
  return { terms, hits };
}
