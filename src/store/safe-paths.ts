// Files of a repository that may have come from anyone: a record is read only when it is a
// regular file (not a link, a FIFO or a device) of a sane size, checked before a byte is read,
// and a path is written only when it stays inside the repository without passing a link.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { KithError } from '../core/model/errors.js';
import { quotePath } from '../core/model/terminal.js';
import type { Problem } from '../core/model/index.js';
import { runGit, type Vars } from '../git/run.js';
import { decodeUtf8, LOCAL_FOLDER } from './files.js';

// A record is a page of notes, not an archive: anything this large is a mistake (a pasted
// attachment, a binary) and reading it would slow every command.
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

function problem(file: string, message: string, hint?: string): Problem {
  return { file, line: 1, col: 1, severity: 'error', message, hint };
}

function whatItIs(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notRegular(path: string, st: Stats): Problem {
  return problem(
    path,
    `${whatItIs(st)}, not a regular file: kith reads and writes records only as plain files, never through a link`,
    `replace it with the file itself, or remove it (\`git rm ${quotePath(path)}\`)`,
  );
}

function tooLarge(path: string, size: number, limit: number): Problem {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return problem(
    path,
    `file is too large to be a record (${mb(size)}; the limit is ${limit / 1048576} MB)`,
    'move attachments or pasted archives out of the repository',
  );
}

/** The entry itself (a link is not followed), or undefined when nothing is there. */
function lstatIfThere(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** What a folder on the way to a file is: fine, not there (yet), or something else (a link, a file). */
type FolderCheck = 'folder' | 'absent' | { at: string; st: Stats };

/**
 * The first folder on the way from `root` to `path` that is a link or not a folder, if any.
 * `seen` keeps what each folder was found to be, for a reader of many files in the same folders.
 */
function unsafeParent(
  root: string,
  path: string,
  seen?: Map<string, FolderCheck>,
): { at: string; st: Stats } | undefined {
  for (let end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1)) {
    const at = path.slice(0, end);
    let check = seen?.get(at);
    if (check === undefined) {
      const st = lstatIfThere(join(root, at));
      check = !st ? 'absent' : st.isDirectory() ? 'folder' : { at, st };
      seen?.set(at, check);
    }
    if (check === 'absent') return undefined; // not there yet: nothing to pass through
    if (check !== 'folder') return check;
  }
  return undefined;
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function isPlainRelative(path: string): boolean {
  return !path.startsWith('/') && !path.split('/').some((p) => p === '' || p === '.' || p === '..');
}

/**
 * Reads a repository file's text: opened without following a link and without blocking (a FIFO),
 * checked on the open file (a regular file within `limit`) before a byte is read, then read.
 * Every reader of records goes through here; what keeps a file from being read is a problem
 * naming it. A reader of many files passes `seen`, so each folder on the way is checked once.
 */
export function readRepoFile(
  root: string,
  path: string,
  limit = MAX_RECORD_BYTES,
  seen?: Map<string, FolderCheck>,
): { text?: string; problem?: Problem } {
  const parent = isPlainRelative(path) ? unsafeParent(root, path, seen) : undefined;
  if (parent) return { problem: notRegular(parent.at, parent.st) };
  const full = join(root, path);
  let fd: number;
  try {
    // where the system cannot refuse to open a link (no O_NOFOLLOW: Windows), it is looked at first
    const st = NO_FOLLOW ? undefined : lstatSync(full);
    if (st && !st.isFile()) return { problem: notRegular(path, st) };
    fd = openSync(full, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const st = (err as NodeJS.ErrnoException).code === 'ELOOP' && lstatIfThere(full);
    if (st) return { problem: notRegular(path, st) };
    return { problem: problem(path, `cannot read: ${(err as Error).message}`) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: notRegular(path, st) };
    if (st.size > limit) return { problem: tooLarge(path, st.size, limit) };
    const bytes = Buffer.allocUnsafe(st.size + 1);
    let done = 0;
    for (let n; done < bytes.length && (n = readSync(fd, bytes, done, bytes.length - done, null)) > 0;) done += n;
    if (done > limit) return { problem: tooLarge(path, done, limit) };
    return decodeUtf8(bytes.subarray(0, done), path);
  } catch (err) {
    return { problem: problem(path, `cannot read: ${(err as Error).message}`) };
  } finally {
    closeSync(fd);
  }
}

/** A reader of many repository files (a load of every record): each folder on the way is checked once. */
export function repoFileReader(root: string): (path: string) => { text?: string; problem?: Problem } {
  const seen = new Map<string, FolderCheck>();
  return (path) => readRepoFile(root, path, undefined, seen);
}

/**
 * Throws unless writing `path` stays inside the repository: a plain relative path, outside
 * .git, whose folders (each checked with lstat up to the root) and file are not links.
 */
export function ensureSafeWrite(root: string, path: string): void {
  if (!isPlainRelative(path) || path.split('/')[0] === '.git')
    throw new KithError(`refusing to write ${quotePath(path)}: it is not a path inside the repository`);
  const parent = unsafeParent(root, path);
  if (parent)
    throw new KithError(
      `refusing to write ${quotePath(path)}: ${quotePath(parent.at)} is ${whatItIs(parent.st)}, ` +
        'not a folder of the repository',
      'kith never writes through a link: replace the link with a real folder, or remove it',
    );
  const st = lstatIfThere(join(root, path));
  if (st && !st.isFile())
    throw new KithError(
      `refusing to write ${quotePath(path)}: it is ${whatItIs(st)}, not a regular file`,
      'kith never writes through a link: replace it with the file itself, or remove it',
    );
}

/**
 * Throws when .kith/ is not this clone's own folder: a link (writes there would land
 * elsewhere) or a file. Called before anything in it is read or written.
 */
export function ensureLocalFolder(root: string): void {
  const st = lstatIfThere(join(root, LOCAL_FOLDER));
  if (st && !st.isDirectory())
    throw new KithError(
      `${LOCAL_FOLDER} is ${whatItIs(st)}: it must be this clone's own folder of caches, cursors and the lock`,
      `remove it (\`git rm --cached ${LOCAL_FOLDER}\` if committed, then \`rm ${LOCAL_FOLDER}\`); kith makes it again`,
    );
}

/** Throws when git tracks anything in .kith/: nothing there is ever taken from a teammate. */
export async function ensureLocalFolderUntracked(root: string, vars: Vars): Promise<void> {
  ensureLocalFolder(root);
  const listed = await runGit(root, vars, ['ls-files', '-z', '--', LOCAL_FOLDER]).catch(() => undefined);
  const tracked = (listed?.code === 0 ? listed.stdout.toString('utf8') : '').split('\0').filter(Boolean);
  if (tracked.length)
    throw new KithError(
      `${quotePath(tracked[0]!)} is tracked by git: ${LOCAL_FOLDER}/ is local to each clone, never taken from git`,
      `remove it from git: \`git rm -r --cached ${LOCAL_FOLDER}\` and commit; check what it holds first`,
    );
}
