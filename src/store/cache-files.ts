// The files of the caches in .kith/cache/ (git-ignored, per clone, never the source of truth):
// where they live, the stamp of kith.yaml they are good for, and reading and writing them so
// that a torn, foreign or linked file is never trusted or written through.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitView } from '../git/clean-files.js';
import { makeLocalFolder } from './files.js';
import { SETTINGS_FILE } from './layout.js';
import { KITH_VERSION } from './package-files.js';

export const CACHE_DIR = '.kith/cache';

/** Whether .kith/`dir` is this clone's own folder (or not there yet): never a link or a file. */
export function isOwnFolder(root: string, dir = CACHE_DIR): boolean {
  const parts = dir.split('/');
  for (const at of parts.map((_, i) => parts.slice(0, i + 1).join('/'))) {
    try {
      if (!lstatSync(join(root, at)).isDirectory()) return false;
    } catch {
      return true;
    }
  }
  return true;
}

/** The version stamp every shard carries: format, Kith, and kith.yaml's bytes. */
export function settingsHash(root: string): string {
  try {
    return createHash('sha1')
      .update(readFileSync(join(root, SETTINGS_FILE)))
      .digest('hex');
  } catch {
    return '';
  }
}

/** What a whole-repository cache file is good for: format, Kith, kith.yaml, git's digest of the record files. */
export interface Stamp {
  readonly format: number;
  readonly kith: string;
  readonly settings: string;
  readonly git: string;
}

/** The stamp of the records as git sees them now; undefined unless git vouches for every record file. */
export function stampNow(root: string, git: GitView | undefined, format: number): Stamp | undefined {
  return git?.settled ? { format, kith: KITH_VERSION, settings: settingsHash(root), git: git.digest } : undefined;
}

/** Whether a cache file carries the stamp `now`. */
export const stamped = (file: Partial<Stamp> | undefined, now: Stamp | undefined): boolean =>
  !!file &&
  !!now &&
  file.format === now.format &&
  file.kith === now.kith &&
  file.settings === now.settings &&
  file.git === now.git;

/** A cache file's bytes, when it is a plain file of ours (a link or a FIFO in .kith/ is not read). */
export function readCacheBytes(file: string): Buffer | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** A cache file's first line (without its newline), read alone: what follows it is not read. */
export function readCacheLine(file: string): string | undefined {
  let fd: number;
  try {
    if (!lstatSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const chunks: Buffer[] = [];
    for (let size = 1 << 20; ; size *= 2) {
      const chunk = Buffer.allocUnsafe(size);
      const got = readSync(fd, chunk, 0, size, null);
      const end = chunk.subarray(0, got).indexOf(10);
      chunks.push(chunk.subarray(0, end < 0 ? got : end));
      if (end >= 0) return Buffer.concat(chunks).toString('utf8');
      if (got === 0) return undefined;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A JSON cache file, when it is a plain file of ours and parses. */
export function readCacheJson<T>(file: string): T | undefined {
  const bytes = readCacheBytes(file);
  try {
    return bytes === undefined ? undefined : (JSON.parse(bytes.toString('utf8')) as T);
  } catch {
    return undefined;
  }
}

/**
 * Puts a cache file in place whole, or leaves it as it was (a read-only checkout still works, only
 * slower). `ready` is called with the new file's temporary name before it is put in place.
 */
export function writeCacheFile(file: string, text: string | Uint8Array, ready?: (tmp: string) => void): boolean {
  // a cache needs no fsync: a torn or lost file is rebuilt; the rename keeps readers whole
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    makeLocalFolder(join(file, '..'));
    // created new, never through something already there
    writeFileSync(tmp, text, { flag: 'wx' });
    ready?.(tmp);
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
