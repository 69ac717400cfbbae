// A record file's version, as the caches record it to know whether to read the file again:
// git's blob id where git vouches for the work-tree copy (git/clean-files.ts), else its stat
// data, compared as git compares its index (mtime, ctime, size, inode), with git's "racy" rule.
import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { blobId } from '../git/index-state.js';
import { walkRecordFolders } from './layout.js';

// Timestamps of some file systems tick by the second (FAT by two): a file written within one
// tick of the cache is read again rather than trusted.
export const RACY_MS = 2000;

type Stamp = readonly [mtime: number, ctime: number, size: number, ino: number];
/** A file's version: git's blob id of its content, or its stat data where git cannot vouch for it. */
export type Version = string | Stamp;
/** Blob ids of the files git vouches for (git/clean-files.ts), or undefined outside git. */
export type Blobs = ReadonlyMap<string, string> | undefined;

const stampOf = (s: Stats): Stamp => [s.mtimeMs, s.ctimeMs, s.size, s.ino];

export const sameVersion = (a: Version, b: Version) =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** A file's version now, without reading it; undefined when it is gone. */
export function versionOf(root: string, path: string, blobs: Blobs): Version | undefined {
  const blob = blobs?.get(path);
  if (blob) return blob;
  const st = lstatSync(join(root, path), { throwIfNoEntry: false });
  return st && stampOf(st);
}

/** A version to be the blob id of the text read: for a file just committed, which git's index now holds. */
export const BLOB_OF_TEXT = '';

/** Whether an entry of this version may be trusted without reading the file again. */
export const trusted = (v: Version, written: number) => typeof v === 'string' || v[0] < written - RACY_MS;

/** Whether an entry too new to trust when its cache was written may be trusted from now on. */
export const trustedNow = (v: Version, written: number) =>
  typeof v !== 'string' && v[0] >= written - RACY_MS && v[0] < Date.now() - RACY_MS;

/** The version of a file as read: a blob id is that of the text read (it may have moved since git looked). */
export const versionOfText = (root: string, v: Version, text: string | undefined): Version =>
  typeof v === 'string' && text !== undefined ? blobId(root, text) : v;

/** Every record file with its version, in the order records load. */
export function versionedFiles(root: string, blobs: Blobs): [path: string, version: Version][] {
  const out: [string, Version][] = [];
  for (const path of walkRecordFolders(root).records) {
    const v = versionOf(root, path, blobs);
    if (v) out.push([path, v]);
  }
  return out;
}
