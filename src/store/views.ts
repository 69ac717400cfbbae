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
const FORMAT = 2;

// A view's file: one line of JSON (its stamp, key, problems and the length of the value), then
// the value's bytes. A view is known to be stale from its first line: its value is not read.
interface ViewHead extends Stamp {
  readonly key: string;
  /** The problems met reading the records, warned about again on each answer. */
  readonly problems: readonly Problem[];
  readonly length: number;
}

export interface Kept<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}

/** How a view's value is kept: the extension, and the value from and to its bytes. */
interface Codec<T> {
  readonly ext: string;
  /** The value from its bytes; throws when they are not whole. */
  parse(bytes: Buffer, length: number): T;
  print(value: T): Buffer;
}

const AS_JSON: Codec<unknown> = {
  ext: 'json',
  parse: (bytes) => JSON.parse(bytes.toString('utf8')),
  print: (value) => Buffer.from(JSON.stringify(value)),
};

// printed output, kept as its bytes: reading it back decodes and parses no long string (a file
// cut short, not the length its first line gives, is not printed)
const AS_BYTES: Codec<Buffer> = {
  ext: 'txt',
  parse(bytes, length) {
    if (bytes.length !== length) throw new Error('cut short');
    return bytes;
  },
  print: (value) => value,
};

/** A view file's first line and the bytes of its value, or undefined when it is not one (cut short, corrupt). */
function readView(file: string): { head: ViewHead; value: Buffer } | undefined {
  const bytes = readCacheBytes(file);
  const end = bytes ? bytes.indexOf(10) : -1;
  if (end < 0) return undefined;
  try {
    const head = JSON.parse(bytes!.toString('utf8', 0, end)) as ViewHead;
    const value = bytes!.subarray(end + 1);
    return Array.isArray(head.problems) ? { head, value } : undefined;
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
  const file = own ? readView(path) : undefined;
  // stamped before the work: records read later are at least as new
  const now = stampNow(root, await git, FORMAT);
  if (stamped(file?.head, now) && file!.head.key === key) {
    try {
      return { value: codec.parse(file!.value, file!.head.length), problems: file!.head.problems };
    } catch {
      // a value that does not parse is worked out again
    }
  }
  const answer = await work();
  if (now && own) {
    const value = codec.print(answer.value);
    const head: ViewHead = { ...now, key, problems: answer.problems, length: value.length };
    writeCacheFile(path, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), value]));
  }
  return answer;
}
