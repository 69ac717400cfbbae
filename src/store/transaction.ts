// All or nothing: a change's files and their commit happen together or not at all. Before
// anything is written, a journal in .kith/ records each file's previous bytes (a hard link to
// them, so putting them back needs no free space) and index entry. A failure puts them back;
// a run killed midway is finished or rolled back by the next writing command, under the lock.
import { copyFileSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KithError, quotePath } from '../core/model/index.js';
import { journalSchema, readStateFile } from '../core/model/schema/index.js';
import { commitPaths, ensureCanCommit, stagePaths, type CommitRequest } from '../git/commit.js';
import type { Vars } from '../git/git.js';
import { blobId, headCommit, indexEntries, restoreIndex, treeEntries } from '../git/index-state.js';
import { ensureNoOperation, waitForIndex } from '../git/state.js';
import { explainFailure } from './failure.js';
import { makeLocalFolder, removeFile, writeFileAtomic, writeFilesAtomic } from './files.js';
import { KIND_DIRS, kindOfPath, SETTINGS_FILE, strayTemporaries } from './layout.js';
import { ensureLocalFolder, ensureSafeWrite } from './safe-paths.js';

const JOURNAL = '.kith/journal.json';
const BACKUPS = '.kith/journal';

interface JournalFile {
  readonly path: string;
  /** The backup of the file's previous bytes, or null when there was no file. */
  readonly backup: string | null;
  /** The previous index entry (`mode sha`), or null when the index had none. */
  readonly index: string | null;
  /** The blob the commit holds at this path, or null when the change removes it. */
  readonly after: string | null;
}

interface Journal {
  readonly version: 1;
  readonly action: string;
  readonly pid: number;
  readonly head: string | null;
  readonly files: readonly JournalFile[];
}

/** What a change writes and commits. */
export interface FileChange {
  readonly writes: ReadonlyMap<string, string>;
  readonly removes: readonly string[];
  readonly commit: CommitRequest;
  readonly action: string;
}

// The files a command may write: records, and the files a new repository starts with.
const REPOSITORY_FILES = new Set([SETTINGS_FILE, 'README.md', '.gitignore', '.gitattributes']);

// A journal only ever names files kith writes: a journal naming anything else was not written
// by kith (a teammate's committed one would make the next write commit a private file)
function isSafePath(path: string): boolean {
  if (typeof path !== 'string' || path.split('/').some((p) => ['', '.', '..'].includes(p))) return false;
  return (
    kindOfPath(path) !== undefined ||
    REPOSITORY_FILES.has(path) ||
    Object.values(KIND_DIRS).some((dir) => path === `${dir}/.gitkeep`)
  );
}

function readJournal(root: string): Journal | undefined {
  ensureLocalFolder(root);
  const path = join(root, JOURNAL);
  if (!existsSync(path)) return undefined;
  const read = readStateFile(journalSchema, readFileSync(path, 'utf8'));
  const problem =
    'problem' in read
      ? read.problem
      : read.value.files.every((f) => isSafePath(f.path) && (f.backup === null || /^\d+$/.test(f.backup)))
        ? undefined
        : 'not a journal kith wrote';
  if (problem) throw new KithError(`${JOURNAL} cannot be read: ${problem}`, `look at it, then remove ${JOURNAL}`);
  return (read as { value: Journal }).value;
}

function clearJournal(root: string): void {
  rmSync(join(root, JOURNAL), { force: true });
  rmSync(join(root, BACKUPS), { recursive: true, force: true });
}

const pathsOf = (journal: Journal) => journal.files.map((f) => f.path);

/** Did the journal's commit happen? HEAD moved, and holds exactly the files it meant to write. */
async function committed(root: string, vars: Vars, journal: Journal): Promise<boolean> {
  const head = await headCommit(root, vars);
  if (!head || head === journal.head) return false;
  const tree = await treeEntries(root, vars, head, pathsOf(journal));
  return journal.files.every((f) => (f.after === null ? !tree.has(f.path) : tree.get(f.path)?.endsWith(f.after)));
}

/** Puts every file and index entry the journal names back as it was. */
async function rollBack(root: string, vars: Vars, journal: Journal): Promise<void> {
  for (const f of journal.files) {
    if (f.backup === null) removeFile(root, f.path);
    // a rename: the old bytes come back without a byte of free space
    else if (existsSync(join(root, BACKUPS, f.backup))) renameSync(join(root, BACKUPS, f.backup), join(root, f.path));
  }
  const before = new Map(journal.files.flatMap((f) => (f.index === null ? [] : [[f.path, f.index] as const])));
  const now = await indexEntries(root, vars, pathsOf(journal));
  // an index git never got to change (the commit is built in an index of its own) needs nothing
  if (pathsOf(journal).some((p) => now.get(p) !== before.get(p)))
    await restoreIndex(root, vars, before, pathsOf(journal));
}

/**
 * Finishes what a killed or failed command started: when its commit happened, the index is
 * brought up to date for its files; else its files and index entries are put back. Called
 * with the write lock held. A note for the user, or undefined when there was nothing to do.
 */
export async function recoverInterrupted(root: string, vars: Vars): Promise<string | undefined> {
  const journal = readJournal(root);
  if (!journal) {
    // killed while writing the journal itself: nothing else was touched yet
    clearJournal(root);
    removeTemporaries(root, [JOURNAL]);
    return undefined;
  }
  removeTemporaries(root, [...pathsOf(journal), JOURNAL]);
  if (await committed(root, vars, journal)) {
    await stagePaths(root, vars, pathsOf(journal));
    clearJournal(root);
    return undefined;
  }
  await rollBack(root, vars, journal);
  clearJournal(root);
  const files = pathsOf(journal).join(', ');
  return `an interrupted \`kith ${journal.action}\` (pid ${journal.pid}) was rolled back: ${files}`;
}

/** Removes the temporary files a killed write left beside these paths (.name.md.<random>.tmp). */
function removeTemporaries(root: string, paths: readonly string[]): void {
  for (const path of paths) {
    const dir = join(root, dirname(path));
    const prefix = `.${basename(path)}.`;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names)
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}

/** Removes every temporary file killed writes left in the record folders; called with the lock held. */
export function removeStrayTemporaries(root: string): void {
  for (const path of strayTemporaries(root)) rmSync(join(root, path), { force: true });
}

/** Keeps the file's current bytes under the backup name: a hard link where the disk allows. */
function backUp(root: string, path: string, name: string): boolean {
  const full = join(root, path);
  try {
    if (!lstatSync(full).isFile()) return false;
  } catch {
    return false;
  }
  const backup = join(root, BACKUPS, name);
  makeLocalFolder(dirname(backup));
  try {
    linkSync(full, backup);
  } catch {
    copyFileSync(full, backup);
  }
  return true;
}

async function writeJournal(root: string, vars: Vars, change: FileChange): Promise<Journal> {
  const paths = [...new Set([...change.writes.keys(), ...change.removes])];
  const [index, head] = await Promise.all([indexEntries(root, vars, paths), headCommit(root, vars)]);
  clearJournal(root);
  const files = paths.map((path, i): JournalFile => {
    const text = change.writes.get(path);
    const backup = backUp(root, path, String(i)) ? String(i) : null;
    return { path, backup, index: index.get(path) ?? null, after: text === undefined ? null : blobId(root, text) };
  });
  const journal: Journal = { version: 1, action: change.action, pid: process.pid, head: head ?? null, files };
  writeFileAtomic(join(root, JOURNAL), JSON.stringify(journal));
  return journal;
}

/**
 * Writes the change's files atomically and commits exactly them. On any failure the files
 * and the index are put back as they were and the error says what failed; the short id of
 * the commit, or '' when nothing changed.
 */
export async function applyFiles(root: string, vars: Vars, change: FileChange): Promise<string> {
  // refused before a byte is written: a path outside what kith writes, or one through a link
  for (const path of [...change.writes.keys(), ...change.removes]) {
    if (!isSafePath(path)) throw new KithError(`refusing to write ${quotePath(path)}: kith writes only records`);
    ensureSafeWrite(root, path);
  }
  ensureLocalFolder(root);
  await ensureCanCommit(root, vars);
  ensureNoOperation(root);
  const wait = Number(vars.KITH_LOCK_TIMEOUT ?? '') * 1000;
  await waitForIndex(root, wait > 0 ? wait : undefined);
  let journal: Journal;
  try {
    journal = await writeJournal(root, vars, change);
  } catch (err) {
    clearJournal(root);
    throw explainFailure(err, root);
  }
  try {
    await writeFilesAtomic(root, change.writes);
    for (const path of change.removes) removeFile(root, path);
    const sha = await commitPaths(root, vars, change.commit);
    clearJournal(root);
    return sha;
  } catch (err) {
    if (await committed(root, vars, journal).catch(() => false)) {
      // committed, but the index could not follow: the next writing command brings it up to date
      return ((await headCommit(root, vars)) ?? '').slice(0, 7);
    }
    const failure = explainFailure(err, root);
    try {
      await rollBack(root, vars, journal);
    } catch (again) {
      // the journal stays: the next writing command tries again
      const also = explainFailure(again, root).message;
      throw new KithError(
        `${failure.message}; putting the files back failed too: ${also}`,
        'the next kith command that writes will put them back',
      );
    }
    clearJournal(root);
    throw failure;
  }
}
