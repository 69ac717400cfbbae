// What git vouches for in the record folders (the caches' key), asked once per command. A
// read-only command line asks before its command's modules load (startRecordsGitView): git
// lists the index while Node reads Kith's code, and the command takes that answer.
//
// Listing the index and the untracked files costs most of a warm command on a large repository
// (65,000 entries: a 6 MB listing). So a view found settled is stamped in .kith/cache/: the
// checksum ending git's index file, the digest of its listing, and the stat data of every folder
// under the record folders taken before git looked for untracked files. While the index file
// ends the same and no folder's entries moved (adding, removing or renaming a file changes its
// folder's mtime and ctime; a new folder changes its parent's), only `git diff-files` is asked:
// it names files edited in place. A folder stat'ed within a tick of a change is never stamped.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { changedFiles, cleanBlobs, settledView, type GitView } from '../git/clean-files.js';
import type { Vars } from '../git/run.js';
import { indexChecksum } from '../git/state.js';
import { CACHE_DIR, isOwnFolder, readCacheJson, writeCacheFile } from './cache-files.js';
import { RACY_MS } from './file-versions.js';
import { KIND_DIRS } from './layout.js';

const FOLDERS = Object.values(KIND_DIRS);
const STAMP = 'git-view.json';

type FolderStat = readonly [mtime: number, ctime: number, ino: number] | null;

interface ViewStamp {
  /** The index checksum and listing digest of the settled view, or '' when only `folders` is known. */
  readonly index: string;
  readonly digest: string;
  /** Every folder under the record folders (and the record folders, null when absent), stat'ed. */
  readonly folders: Record<string, FolderStat>;
}

function folderStat(root: string, path: string): FolderStat | undefined {
  const st = lstatSync(join(root, path), { throwIfNoEntry: false });
  if (!st) return null;
  return st.isDirectory() ? [st.mtimeMs, st.ctimeMs, st.ino] : undefined;
}

const sameStat = (a: FolderStat | undefined, b: FolderStat | undefined) =>
  a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);

/** Every folder under the record folders that holds a listed file, and the record folders. */
function foldersOf(view: GitView): Set<string> {
  const out = new Set([...FOLDERS, ...view.empty]);
  for (const line of view.listing.toString('utf8').split('\0')) {
    let folder = line.slice(line.indexOf('\t') + 1, line.lastIndexOf('/'));
    while (folder && !out.has(folder)) {
      out.add(folder);
      folder = folder.slice(0, Math.max(0, folder.lastIndexOf('/')));
    }
  }
  return out;
}

async function ask(root: string, vars: Vars, quick: boolean): Promise<GitView | undefined> {
  const file = join(root, CACHE_DIR, STAMP);
  const own = isOwnFolder(root);
  const kept = own ? readCacheJson<ViewStamp>(file) : undefined;
  const known = kept && typeof kept.folders === 'object' && kept.folders ? kept : undefined;
  const index = indexChecksum(root);
  const asked = Date.now();
  const before = new Map<string, FolderStat | undefined>();
  for (const path of new Set([...FOLDERS, ...Object.keys(known?.folders ?? {})]))
    before.set(path, folderStat(root, path));
  const unmoved =
    !!index && known?.index === index && Object.entries(known.folders).every(([p, st]) => sameStat(before.get(p), st));
  if (quick && unmoved) {
    const changed = await changedFiles(root, vars, FOLDERS);
    if (changed?.length === 0) return settledView(root, vars, FOLDERS, known.digest);
  }
  const view = await cleanBlobs(root, vars, FOLDERS, { untracked: true });
  if (!own || !view?.settled || !index || indexChecksum(root) !== index) return view;
  if (unmoved && known.digest === view.digest) return view;
  const folders: Record<string, FolderStat> = {};
  let whole = true;
  for (const path of foldersOf(view)) {
    const st = before.get(path);
    // a folder not stat'ed before git looked, or changed within a tick of it, is stamped next time
    whole &&= st !== undefined && (st === null || Math.max(st[0], st[1]) < asked - RACY_MS);
    folders[path] = st ?? null;
  }
  const stamp: ViewStamp = whole ? { index, digest: view.digest, folders } : { index: '', digest: '', folders };
  writeCacheFile(file, JSON.stringify(stamp));
  return view;
}

let early: { root: string; vars: Vars; view: Promise<GitView | undefined> } | undefined;

/** Asks git now, for the command about to load; its first recordsGitView for the same root takes the answer. */
export function startRecordsGitView(root: string, vars: Vars): void {
  early = { root, vars, view: ask(root, vars, true) };
}

/**
 * What git can vouch for in the record folders, untracked files looked for too (the caches' key).
 * Asked early (a read-only command), a stamped view git still vouches for is taken without the
 * index's listing; a command that writes asks git for the whole of it.
 */
export function recordsGitView(root: string, vars: Vars): Promise<GitView | undefined> {
  const asked = early;
  // taken once: a later question (after a write) needs git's answer then
  early = undefined;
  return asked && asked.root === root && asked.vars === vars ? asked.view : ask(root, vars, false);
}
