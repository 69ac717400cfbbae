// The execution environment every command receives: injected I/O, now, zone, prompts and
// the editor, and how a command opens the repository. No process.*: cli/ builds the Env from
// the real process, tests build their own.
// Light on purpose: a read-only command whose answer is kept loads no schema, YAML or git client;
// the repository's machinery is loaded where a command opens or changes the records.
import type { TeamSettings } from '../core/model/index.js';
import type { GitView } from '../git/clean-files.js';
import { driverCommand, ensureMergeDriver } from '../git/merge-driver.js';
import { ensureNoOperation } from '../git/state.js';
import { rootOfEnv } from '../store/find-root.js';
import { KITH_BIN } from '../store/package-files.js';
import { recordsGitView } from '../store/records-git-view.js';
import type { OpenOptions, Repo } from '../store/repo.js';
import { keptAnswer, keptBytes, type Kept } from '../store/views.js';
import type { Output } from '../render/text/output.js';
import { brokenFilesWarning } from '../render/text/problems.js';

export type { Output } from '../render/text/output.js';

export interface Env {
  readonly cwd: string;
  readonly vars: Readonly<Record<string, string | undefined>>;
  /** Epoch ms: KITH_NOW when set, else the clock, read once. */
  readonly now: number;
  /** The user's IANA time zone. */
  readonly zone: string;
  readonly out: Output;
  readonly err: Output;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdinIsTTY: boolean;
  /** --repo, when given. */
  readonly repo?: string;
  /** The Node binary running kith, for the commands git runs back (the merge driver); default `node`. */
  readonly node?: string;
  /** Asks a question on the terminal; the answer as typed. */
  ask(question: string): Promise<string>;
  /** Runs the user's editor on a file; its exit status, or the signal that ended it. */
  edit(file: string): number | string;
}

/** The repository's root, from --repo, $KITH_REPO or the working folder. */
export function repoRoot(env: Env): string {
  return rootOfEnv(env);
}

/** The command git runs as the kith merge driver: this Node, this kith. */
export function mergeDriver(env: Env): string {
  return driverCommand(env.node ?? 'node', KITH_BIN);
}

/**
 * Finds and opens the repository to read it, warning once about files that could not be read.
 * `excerpts`: records as the index cache keeps them (see OpenOptions), for listings and cards.
 */
export async function openRepo(env: Env, opts: { quiet?: boolean } & OpenOptions = {}): Promise<Repo> {
  const root = repoRoot(env);
  // clones do not share .git/config: every command sees that the merge driver is there
  ensureMergeDriver(root, mergeDriver(env));
  const { openRepo: open } = await import('../store/repo.js');
  const repo = await open(root, env.vars, opts);
  if (!opts.quiet) env.err.write(brokenFilesWarning(repo.data.problems));
  return repo;
}

/**
 * A read-only command's answer for the records as they are now: kept in the cache as `name` for
 * `key` (what else it depends on: a day, a zone), and worked out by `work` from the records'
 * excerpts only when a record file, kith.yaml or Kith moved since. Warns about unreadable files
 * as openRepo does, either way. The team's settings are read only when asked for.
 */
export async function viewOfRepo<T>(
  env: Env,
  name: string,
  key: string,
  work: (repo: Repo) => T,
): Promise<{ value: T; root: string; settings: () => Promise<TeamSettings> }> {
  const { root, git } = startView(env);
  const kept = await keptView(env, root, git, name, key, work);
  env.err.write(brokenFilesWarning(kept.problems));
  const read = async () => kept.settings ?? (await import('../store/settings.js')).loadSettings(root).settings;
  return { value: kept.value, root, settings: read };
}

/**
 * A view's answer as printed: the text kept as `printed.name` for `printed.key`, else `printed.print`
 * of the view viewOfRepo would give for `name` and `key`, kept for next time. One git question serves both.
 */
export async function printedView<T>(
  env: Env,
  printed: { readonly name: string; readonly key: string; print(value: T): Buffer },
  name: string,
  key: string,
  work: (repo: Repo) => T,
): Promise<Buffer> {
  const { root, git } = startView(env);
  const kept = await keptBytes(root, printed.name, printed.key, git, async () => {
    const view = await keptView(env, root, git, name, key, work);
    return { value: printed.print(view.value), problems: view.problems };
  });
  env.err.write(brokenFilesWarning(kept.problems));
  return kept.value;
}

function startView(env: Env): { root: string; git: Promise<GitView | undefined> } {
  const root = repoRoot(env);
  ensureMergeDriver(root, mergeDriver(env));
  return { root, git: recordsGitView(root, env.vars) };
}

async function keptView<T>(
  env: Env,
  root: string,
  git: Promise<GitView | undefined>,
  name: string,
  key: string,
  work: (repo: Repo) => T,
): Promise<Kept<T> & { settings?: TeamSettings }> {
  let settings: TeamSettings | undefined;
  const kept = await keptAnswer(root, name, key, git, async () => {
    const { openRepo: open } = await import('../store/repo.js');
    const repo = await open(root, env.vars, { excerpts: true, git });
    settings = repo.settings;
    return { value: work(repo), problems: repo.data.problems };
  });
  return { ...kept, settings };
}

/** Refuses early, before a question or an editor, when git is in the middle of a merge or rebase. */
export function ensureWritable(env: Env): void {
  ensureNoOperation(repoRoot(env));
}

/**
 * Opens the repository to change it: the write lock is held from before the records are read
 * until `change` has committed (or failed), so no other kith command writes in between.
 */
export async function withRepo<T>(
  env: Env,
  command: string,
  change: (repo: Repo) => Promise<T>,
  opts: OpenOptions = {},
): Promise<T> {
  const root = repoRoot(env);
  const [{ ensureLocalFolderUntracked }, { acquireLock }, transaction, { explainFailure }, { openRepo: open }] =
    await Promise.all([
      import('../store/safe-paths.js'),
      import('../store/lock.js'),
      import('../store/transaction.js'),
      import('../store/failure.js'),
      import('../store/repo.js'),
    ]);
  const { recoverInterrupted, removeStrayTemporaries } = transaction;
  // .kith/ holds the lock and the journal: a link there or a committed one is refused first
  await ensureLocalFolderUntracked(root, env.vars);
  const wait = Number(env.vars.KITH_LOCK_TIMEOUT ?? '') * 1000;
  const lock = await acquireLock(root, command, wait > 0 ? wait : undefined);
  try {
    // refused before anything is read: a merge's conflict markers may make the records unreadable
    ensureNoOperation(root);
    ensureMergeDriver(root, mergeDriver(env));
    const recovered = await recoverInterrupted(root, env.vars).catch((err: unknown) => {
      throw explainFailure(err, root);
    });
    if (recovered) env.err.write(`kith: ${recovered}\n`);
    // git is asked once the lock is held and a write interrupted is recovered: a view with no
    // untracked file in the record folders (ignored ones included) has no temporary to remove
    const git = recordsGitView(root, env.vars);
    if (!opts.excerpts || !(await git)?.settled) removeStrayTemporaries(root);
    const repo = await open(root, env.vars, { ...opts, git });
    env.err.write(brokenFilesWarning(repo.data.problems));
    return await change(repo);
  } finally {
    lock.release();
  }
}

/** withRepo for commands that read excerpts from the index cache (and one record whole, to edit it). */
export function withRepoExcerpts<T>(env: Env, command: string, change: (repo: Repo) => Promise<T>): Promise<T> {
  return withRepo(env, command, change, { excerpts: true });
}

/** A yes/no question: the default when the answer is empty, no when nobody can answer. */
export async function confirm(env: Env, question: string, byDefault: boolean): Promise<boolean> {
  if (!env.stdinIsTTY) return false;
  const answer = (await env.ask(`${question} ${byDefault ? '[Y/n]' : '[y/N]'} `)).trim();
  return byDefault ? !/^n(o)?$/i.test(answer) : /^y(es)?$/i.test(answer);
}

/** The user's team handle: KITH_USER, else the personal config, else their git identity. */
export async function currentHandle(env: Env, repo: Pick<Repo, 'root' | 'settings'>): Promise<string> {
  const [{ readConfig }, { gitIdentity }, { chooseHandle }] = await Promise.all([
    import('../store/config.js'),
    import('../git/commit.js'),
    import('../core/people/index.js'),
  ]);
  const envUser = env.vars.KITH_USER;
  const configured = envUser?.trim() ? undefined : readConfig(env.vars).handle;
  const git = envUser?.trim() || configured ? {} : await gitIdentity(repo.root, env.vars);
  return chooseHandle({ envUser, configured, git, members: repo.settings.members });
}
