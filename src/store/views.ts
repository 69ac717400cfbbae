// Answers kept in .kith/cache/views/ (git-ignored, never the source of truth): a command's result for
// the records exactly as they are, such as the day's due list, so asking again reads one file
// instead of every record. An answer is good while git vouches that no record file moved since
// it was worked out: every file under the record folders is as git's index has it, none is
// untracked, and git's digest of those index entries is the one the answer was kept under (see
// git/clean-files.ts); and kith.yaml, the Kith version and the command's own key (a day, a zone)
// are the same. Anything else, and the command works the answer out from the records again.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Problem } from '../core/model/index.js';
import type { GitView } from '../git/clean-files.js';
import { isOwnFolder, readCacheBytes, stamped, stampNow, writeCacheFile, type Stamp } from './cache-files.js';

// inside the cache's folder: forgetting the cache forgets them too
const DIR = '.kith/cache/views';
/** Bumped whenever what a view holds changes. */
const FORMAT = 1;

interface ViewFile<T> extends Stamp {
  readonly key: string;
  readonly value: T;
  /** The problems met reading the records, warned about again on each answer. */
  readonly problems: readonly Problem[];
}

export interface Kept<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}

/** How a view's file holds it: the extension, and the file's bytes read and written. */
interface Codec<T> {
  readonly ext: string;
  parse(bytes: Buffer): ViewFile<T>;
  print(file: ViewFile<T>): string | Buffer;
}

const AS_JSON: Codec<unknown> = {
  ext: 'json',
  parse: (bytes) => JSON.parse(bytes.toString('utf8')),
  print: (file) => JSON.stringify(file),
};

// printed output kept as its bytes after one line of JSON (with their length: a file cut short is
// not printed), so reading it back decodes and parses no long string
const AS_BYTES: Codec<Buffer> = {
  ext: 'txt',
  parse(bytes) {
    const end = bytes.indexOf(10);
    const head = JSON.parse(end < 0 ? '' : bytes.toString('utf8', 0, end)) as ViewFile<unknown> & { length: number };
    const value = bytes.subarray(end + 1);
    if (value.length !== head.length) throw new Error('cut short');
    return { ...head, value };
  },
  print: ({ value, ...head }) =>
    Buffer.concat([Buffer.from(`${JSON.stringify({ ...head, length: value.length })}\n`), value]),
};

function readView<T>(file: string, codec: Codec<T>): ViewFile<T> | undefined {
  const bytes = readCacheBytes(file);
  try {
    return bytes === undefined ? undefined : codec.parse(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The name of one of `slots` files that keep a command's answers for different keys (the last
 * few records shown, listings asked): a key takes its slot from its hash, a newer answer the
 * slot of an older one.
 */
export function slotOf(name: string, key: string, slots: number): string {
  return `${name}-${createHash('sha1').update(key).digest().readUInt32BE(0) % slots}`;
}

/**
 * The answer kept as `name` for `key` when nothing it was worked out from has moved since; else
 * `work`'s, kept for next time when git vouched for every record file as it was asked (records
 * read later are at least as new: a file moving meanwhile changes the digest, never trusted).
 */
export function keptAnswer<T>(
  root: string,
  name: string,
  key: string,
  git: Promise<GitView | undefined>,
  work: () => Promise<Kept<T>>,
): Promise<Kept<T>> {
  return kept(root, name, key, git, work, AS_JSON as Codec<T>);
}

/** As keptAnswer, for an answer that is printed output (the day's due list as JSON): kept as its bytes. */
export function keptBytes(
  root: string,
  name: string,
  key: string,
  git: Promise<GitView | undefined>,
  work: () => Promise<Kept<Buffer>>,
): Promise<Kept<Buffer>> {
  return kept(root, name, key, git, work, AS_BYTES);
}

async function kept<T>(
  root: string,
  name: string,
  key: string,
  git: Promise<GitView | undefined>,
  work: () => Promise<Kept<T>>,
  codec: Codec<T>,
): Promise<Kept<T>> {
  const own = isOwnFolder(root, DIR);
  const path = join(root, DIR, `${name}.${codec.ext}`);
  const file = own ? readView(path, codec) : undefined;
  // stamped before the work: records read later are at least as new
  const now = stampNow(root, await git, FORMAT);
  if (stamped(file, now) && file!.key === key && Array.isArray(file!.problems))
    return { value: file!.value, problems: file!.problems };
  const answer = await work();
  if (now && own) writeCacheFile(path, codec.print({ ...now, key, ...answer }));
  return answer;
}
