// What git is in the middle of, read from the repository's own files: an unfinished merge,
// rebase or cherry-pick, a held index lock, the current HEAD. No git process is spawned.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KithError } from '../core/model/errors.js';

/** The repository's git folder: `.git`, or where a `.git` file (worktree, submodule) points. */
export function gitDir(root: string): string {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isFile()) {
      const m = /^gitdir: (.*)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (m) return resolve(root, m[1]!.trim());
    }
  } catch {
    // no .git: not a repository; git itself says so later
  }
  return dotGit;
}

/**
 * The checksum that ends git's index file: git writes the index whole (a new file renamed in
 * place) and this hash of everything before it changes with any entry. Undefined without an
 * index, or where git leaves it zero (`index.skipHash`, set by `feature.manyFiles`).
 */
export function indexChecksum(root: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(join(gitDir(root), 'index'), 'r');
    const { size } = fstatSync(fd);
    const tail = Buffer.alloc(20);
    if (size < 32 || readSync(fd, tail, 0, 20, size - 20) !== 20) return undefined;
    return tail.some((b) => b !== 0) ? tail.toString('hex') : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const OPERATIONS: readonly [string, string, string][] = [
  [
    'MERGE_HEAD',
    'a merge',
    'finish it with `git commit` (`kith resolve` merges the records in conflict) ' +
      'or give it up with `git merge --abort`',
  ],
  ['rebase-merge', 'a rebase', 'finish it with `git rebase --continue` or give it up with `git rebase --abort`'],
  ['rebase-apply', 'a rebase', 'finish it with `git rebase --continue` or give it up with `git rebase --abort`'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick', 'finish it with `git cherry-pick --continue` or `git cherry-pick --abort`'],
  ['REVERT_HEAD', 'a revert', 'finish it with `git revert --continue` or `git revert --abort`'],
];

/** What git is in the middle of (a merge, a rebase...), and how to finish it; undefined when nothing. */
export function currentOperation(root: string): { what: string; how: string } | undefined {
  const dir = gitDir(root);
  const found = OPERATIONS.find(([file]) => existsSync(join(dir, file)));
  return found ? { what: found[1], how: found[2] } : undefined;
}

/** Refuses to write while git is in the middle of something: the commit would carry it along. */
export function ensureNoOperation(root: string): void {
  const op = currentOperation(root);
  if (op)
    throw new KithError(`the repository is in the middle of ${op.what}: kith changes nothing until it is done`, op.how);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits a little while another git command holds the index; then says so in words. */
export async function waitForIndex(root: string, timeoutMs = 5000): Promise<void> {
  const lock = join(gitDir(root), 'index.lock');
  const deadline = Date.now() + timeoutMs;
  while (existsSync(lock)) {
    if (Date.now() >= deadline) {
      throw new KithError(
        'another git command is working in this repository (.git/index.lock exists)',
        'try again when it has finished; if no git command is running, remove .git/index.lock',
      );
    }
    await sleep(100);
  }
}
