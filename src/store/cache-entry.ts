// One record file read into its index-cache entry: the version of what was read, the excerpt
// of its record and its problems (index-cache.ts, and the threads of read-ahead.ts).
import type { AnyRecord } from '../core/model/index.js';
import { excerptOf } from './excerpts.js';
import { versionOfText, type Version } from './file-versions.js';
import { parseFileFast } from './front-matter-fast.js';
import { readRecord } from './records.js';
import type { ReadText } from './index-cache.js';
import type { CacheEntry } from './shard-files.js';

/** Reads one file into a cache entry and, for a full read, its whole record. */
export function readEntry(
  root: string,
  path: string,
  v: Version,
  read: ReadText,
): { entry: CacheEntry; record?: AnyRecord } {
  const { text, problem } = read(path);
  if (problem || text === undefined) return { entry: { st: v, p: [problem!] } };
  const st = versionOfText(root, v, text);
  const { record, problems } = readRecord(path, text, parseFileFast);
  return { entry: { st, r: record && excerptOf(record), p: problems.length ? problems : undefined }, record };
}
