// Git plumbing for commands that change data: one commit of exactly the files a command
// changed, authored by the user, with trailers the activity stream reads. No file writes.
import { KithError, quotePath } from '../core/model/index.js';
import { closeSync, constants, copyFileSync, fstatSync, lstatSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, runGit, type Vars } from './git.js';
import { gitDir } from './state.js';

export interface CommitRequest {
  /** Repository-relative paths the command wrote or removed. */
  readonly paths: readonly string[];
  /** First line: what happened, in words ("log call with Jane Doe (Acme renewal)"). */
  readonly summary: string;
  readonly body?: string;
  /** Machine-readable trailers: Kith-Action, Kith-Ref... */
  readonly trailers: Readonly<Record<string, string | readonly string[]>>;
}

export function commitMessage(req: Omit<CommitRequest, 'paths'>): string {
  const trailers = Object.entries(req.trailers).flatMap(([k, v]) =>
    // a value (a path) with a newline or an escape is quoted as git quotes paths: one line, one trailer
    (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${quotePath(String(x))}`),
  );
  return [req.summary.replace(/\s+/g, ' ').trim(), '', ...(req.body ? [req.body.trim(), ''] : []), ...trailers].join(
    '\n',
  );
}

/**
 * Throws before anything is written when git cannot author a commit, so a command
 * never leaves changed files behind without their commit.
 */
export async function ensureCanCommit(root: string, vars: Vars): Promise<void> {
  const g = git(root, vars);
  // asked together: each is a git start, and a write waits for both
  const [dir, ident] = await Promise.allSettled([
    g.raw(['rev-parse', '--git-dir']),
    g.raw(['var', 'GIT_AUTHOR_IDENT']),
  ]);
  if (dir.status === 'rejected')
    throw new KithError(
      `${quotePath(root)} is not a git repository`,
      'run `git init` there, or `kith init` to set it up',
    );
  if (ident.status === 'rejected')
    throw new KithError(
      'git does not know who you are, so kith cannot author the commit',
      'run: git config --global user.name "Your Name" && git config --global user.email you@example.com',
    );
}

/** The user's git identity, for matching them to a team member. */
export async function gitIdentity(root: string, vars: Vars): Promise<{ name?: string; email?: string }> {
  const g = git(root, vars);
  const get = async (key: string) => (await g.raw(['config', '--get', key]).catch(() => '')).trim() || undefined;
  return { name: await get('user.name'), email: await get('user.email') };
}

/**
 * Commits exactly `paths` (added, changed or removed), leaving the user's other changes alone.
 * The commit is built in a temporary index seeded from HEAD, so the real index is touched
 * only once the commit exists: a commit that fails (a hook, a full disk) leaves it as it was.
 * Hooks run as for any commit. The short id of the commit, or '' when nothing changed.
 */
export async function commitPaths(root: string, vars: Vars, req: CommitRequest): Promise<string> {
  const paths = [...new Set(req.paths)];
  const temp = join(gitDir(root), 'kith-index');
  rmSync(temp, { force: true });
  const staging = git(root, vars, { GIT_INDEX_FILE: temp });
  try {
    if (await hasHead(root, vars)) await seedFromHead(root, vars, temp);
    if (paths.length >= PACKED) await packBlobs(root, vars, paths);
    await addPaths(root, vars, paths, { GIT_INDEX_FILE: temp });
    // the temporary index is HEAD plus these paths: whatever differs from HEAD is theirs
    const staged = (await staging.raw(['diff', '--cached', '--name-only'])).trim();
    if (!staged) return '';
    // the message on standard input: an import's trailers name thousands of records, more
    // than one command-line argument may hold
    await gitInput(root, vars, ['commit', '-q', '-F', '-'], commitMessage(req), { GIT_INDEX_FILE: temp });
  } finally {
    rmSync(temp, { force: true });
  }
  // the real index follows for these paths only: what the user staged elsewhere stays staged
  await stagePaths(root, vars, paths);
  return (await git(root, vars).raw(['rev-parse', '--short', 'HEAD'])).trim();
}

/**
 * Fills the temporary index with HEAD's files. Seeded from a copy of the real index, a file
 * whose blob is HEAD's keeps its stat data: `git commit` then checks a file's stat, not its
 * bytes (from HEAD alone, it reads and hashes every file: about a second at 65,000 files).
 */
async function seedFromHead(root: string, vars: Vars, temp: string): Promise<void> {
  try {
    copyFileSync(join(gitDir(root), 'index'), temp);
    const extra = { GIT_INDEX_FILE: temp };
    // nothing staged (the usual case): the copy is HEAD already, as git's cache of trees tells fast
    const staged = await runGit(root, vars, ['diff-index', '--cached', '--name-only', '-z', 'HEAD'], { extra });
    if (staged.code === 0 && staged.stdout.length === 0) return;
    if ((await runGit(root, vars, ['read-tree', '-m', 'HEAD'], { extra })).code === 0) return;
  } catch {
    // no index yet, or one git will not merge from (unmerged entries): HEAD alone
  }
  rmSync(temp, { force: true });
  await git(root, vars, { GIT_INDEX_FILE: temp }).raw(['read-tree', 'HEAD']);
}

// From this many files on, their blobs are written into one pack before they are staged
const PACKED = 100;

/**
 * Writes the blobs of these paths' regular files into one pack (git fast-import), so that
 * staging them finds each blob stored: `update-index` writes every new blob as a loose object
 * file of its own, about 0.3 ms apiece (1.7 s for an import's 5,000 files). Only a head start: a
 * blob git would store otherwise (a clean filter, a file changed since) is stored by staging as
 * ever, and one left unused is pruned as any unreachable object is. Links are not followed.
 */
async function packBlobs(root: string, vars: Vars, paths: readonly string[]): Promise<void> {
  const parts: Buffer[] = [];
  for (const path of paths) {
    let fd: number | undefined;
    try {
      fd = openSync(join(root, path), constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
      if (!fstatSync(fd).isFile()) continue;
      const bytes = readFileSync(fd);
      parts.push(Buffer.from(`blob\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
    } catch {
      // removed, a link or a folder: staged as it is
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  if (parts.length === 0) return;
  parts.push(Buffer.from('done\n'));
  // a pack that could not be written leaves staging to store the blobs itself
  await runGit(root, vars, ['fast-import', '--quiet', '--done'], { input: Buffer.concat(parts) }).catch(
    () => undefined,
  );
}

/** Brings the index up to date with the work tree for these paths (added, changed or removed). */
export function stagePaths(root: string, vars: Vars, paths: readonly string[]): Promise<void> {
  return addPaths(root, vars, paths);
}

async function gitInput(root: string, vars: Vars, args: string[], input: string, extra = {}): Promise<void> {
  const r = await runGit(root, vars, args, { input, extra });
  if (r.code !== 0) throw Object.assign(new Error(r.stderr || `git ${args[0]} exited ${r.code}`), { code: r.code });
}

/**
 * Stages any number of paths as they are in the work tree (added, changed, removed; a path in
 * neither the work tree nor the index is left alone), read from standard input. Files by exact
 * path: `git add -A --pathspec-from-file` matches every index entry against every path (3 s for
 * an import's 5,000 paths in a 65,000-file index), `update-index` looks each one up. A folder
 * (the demo's whole tree) is added as git add does, what .gitignore names left out.
 */
async function addPaths(root: string, vars: Vars, paths: readonly string[], extra = {}): Promise<void> {
  const isFolder = (p: string) => lstatSync(join(root, p), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const folders = paths.filter(isFolder);
  const files = folders.length ? paths.filter((p) => !folders.includes(p)) : paths;
  if (files.length)
    await gitInput(root, vars, ['update-index', '--add', '--remove', '-z', '--stdin'], `${files.join('\0')}\0`, extra);
  if (folders.length)
    await gitInput(
      root,
      vars,
      ['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'],
      folders.join('\0'),
      extra,
    );
}

async function hasHead(root: string, vars: Vars): Promise<boolean> {
  return git(root, vars)
    .raw(['rev-parse', '--verify', '-q', 'HEAD'])
    .then(
      (out) => out.trim() !== '',
      () => false,
    );
}

export async function initRepo(root: string, vars: Vars): Promise<void> {
  await git(root, vars).raw(['init', '-q']);
}

export async function isGitRepo(root: string, vars: Vars): Promise<boolean> {
  return git(root, vars)
    .raw(['rev-parse', '--git-dir'])
    .then(
      () => true,
      () => false,
    );
}

/** Sets this repository's own identity (the demo's, on a machine that has none yet). */
export async function setLocalIdentity(root: string, vars: Vars, name: string, email: string): Promise<void> {
  await git(root, vars).addConfig('user.name', name).addConfig('user.email', email);
}
