// Bytes on disk: atomic writes (temp file, fsync, rename, fsync of the folder), removal, and
// strict UTF-8 decoding with the position of the first bad byte.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Problem } from '../core/model/index.js';

// A new name each time, created exclusively: never an existing file, never through a link.
const tempOf = (full: string) =>
  join(dirname(full), `.${full.replace(/^.*\//, '')}.${randomBytes(6).toString('hex')}.tmp`);

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // some file systems cannot fsync a folder; the rename is still atomic
  }
}

/** Kith's own folder in a clone: caches, lock, cursors, journal. */
export const LOCAL_FOLDER = '.kith';
const LOCAL_IGNORE = "# kith's caches, lock and cursors: this clone's own, never committed\n*\n";

/**
 * Makes a folder in .kith/ (or .kith/ itself) and its parents. A .kith/ made on the way gets a
 * .gitignore of `*`: git leaves what kith keeps there out of every listing, whatever the
 * repository's own .gitignore says.
 */
export function makeLocalFolder(dir: string): void {
  const made = mkdirSync(dir, { recursive: true });
  if (made === undefined || basename(made) !== LOCAL_FOLDER) return;
  try {
    writeFileSync(join(made, '.gitignore'), LOCAL_IGNORE, { flag: 'wx' });
  } catch {
    // there already, or a folder that cannot be written: the repository's .gitignore still serves
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed to disk, then
 * renamed over the target, so a crash leaves the old file or the new one, never a torn one.
 */
export function writeFileAtomic(full: string, text: string | Buffer): void {
  makeLocalFolder(dirname(full));
  const tmp = tempOf(full);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const data = typeof text === 'string' ? Buffer.from(text) : text;
    for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, full);
  } catch (err) {
    // a full disk or a kill: the temporary file goes, the target stays as it was
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(full));
}

// Files flushed at once: the disk's journal commits their flushes together (an import's 5,000
// files flushed one by one cost 2 s here, a few at a time half that).
const FLUSHES = 16;

// From this many files on, where the system can flush a whole file system (Linux's syncfs, as
// `sync -f`), the temporary files are written unflushed and then flushed by that one call:
// 5,000 files' own flushes cost 1.5 s here, the one flush a tenth of that.
const ONE_FLUSH = 64;

/** Flushes the file systems holding these folders; false when the system cannot. */
function flushFileSystems(folders: readonly string[]): boolean {
  if (process.platform !== 'linux') return false;
  return spawnSync('sync', ['-f', ...folders], { stdio: 'ignore' }).status === 0;
}

async function flushFile(tmp: string, flags: string, text?: string | Buffer): Promise<void> {
  const handle = await open(tmp, flags, 0o644);
  try {
    if (text !== undefined) await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Runs `fn` on each item, FLUSHES at a time; the first failure stops the rest and is thrown. */
async function inTurns<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: { err: unknown } | undefined;
  const turn = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      await fn(item).catch((err: unknown) => void (failed ??= { err }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(FLUSHES, items.length) }, turn));
  if (failed) throw failed.err;
}

/**
 * Writes repository files atomically as writeFileAtomic does, each flushed before any is
 * renamed over its target (several at once, or many by one flush of their file system), and
 * each folder flushed once at the end. A failure removes every temporary file and renames
 * nothing more: the caller's journal puts back what was renamed already.
 */
export async function writeFilesAtomic(root: string, files: ReadonlyMap<string, string | Buffer>): Promise<void> {
  const todo = [...files].map(([path, text]) => {
    const full = join(root, path);
    return { full, tmp: tempOf(full), text };
  });
  const folders = [...new Set(todo.map((f) => dirname(f.full)))];
  for (const dir of folders) mkdirSync(dir, { recursive: true });
  try {
    if (todo.length >= ONE_FLUSH && process.platform === 'linux') {
      for (const { tmp, text } of todo) writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
      if (!flushFileSystems(folders)) await inTurns(todo, ({ tmp }) => flushFile(tmp, 'r+'));
    } else await inTurns(todo, ({ tmp, text }) => flushFile(tmp, 'wx', text));
    for (const { tmp, full } of todo) renameSync(tmp, full);
  } catch (err) {
    for (const { tmp } of todo) rmSync(tmp, { force: true });
    throw err;
  }
  for (const dir of folders) syncFolder(dir);
}

/** Writes a repository file atomically; `path` is relative to the root. */
export function writeAtomic(root: string, path: string, text: string | Buffer): void {
  writeFileAtomic(join(root, path), text);
}

export function removeFile(root: string, path: string): void {
  const full = join(root, path);
  if (existsSync(full)) unlinkSync(full);
}

/** Decodes UTF-8 strictly; on a bad byte, a problem naming its line. */
export function decodeUtf8(bytes: Buffer, file: string): { text?: string; problem?: Problem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const lossy = bytes.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return {
      problem: {
        file,
        line,
        col,
        severity: 'error',
        message: 'not UTF-8 text: the file has a byte that is not valid UTF-8',
        hint: 'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)',
      },
    };
  }
}

/** Writes a file the user named (an export, a report) atomically; `path` is relative to `cwd`. */
export function writeOutside(cwd: string, path: string, text: string): string {
  const full = resolve(cwd, path);
  writeFileAtomic(full, text);
  return full;
}

/** A copy of a file's text in a fresh temporary folder, keeping its name (editors pick the mode from it). */
export function tempCopy(name: string, text: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'kith-edit-')), name);
  writeFileSync(copy, text);
  return copy;
}

/** Removes a copy made by tempCopy, with its folder. */
export function removeTempCopy(copy: string): void {
  rmSync(dirname(copy), { recursive: true, force: true });
}

export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The names in a folder, or undefined when there is no such folder. */
export function folderNames(full: string): string[] | undefined {
  return existsSync(full) ? readdirSync(full) : undefined;
}

export function makeFolder(full: string): void {
  mkdirSync(full, { recursive: true });
}

/** Removes what a command created and could not finish (a new folder, a new .git). */
export function removeTree(full: string): void {
  rmSync(full, { recursive: true, force: true });
}
