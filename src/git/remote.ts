// Talking to the team's git host: which remote and branch a clone syncs with, fetch, push and
// clone, with git's failures turned into words. Never prompts (GIT_TERMINAL_PROMPT=0).
import { KithError } from '../core/model/index.js';
import { runGit, type Vars } from './git.js';

export interface Upstream {
  readonly branch: string;
  readonly remote: string;
  /** The branch's name on the remote. */
  readonly remoteBranch: string;
  /** The remote-tracking ref fetch updates: refs/remotes/origin/main. */
  readonly tracking: string;
}

/** The reason in git's own words: its last `fatal:`/`error:` line, or its last line. */
export function gitReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = [...lines].reverse().find((l) => /^(fatal|error):/.test(l));
  return (fatal ?? lines.at(-1) ?? 'git failed').replace(/^(fatal|error):\s*/, '');
}

/** The remote is out of reach (offline, gone, refused): the local commits stay. */
class RemoteError extends KithError {
  constructor(message: string, remote: string) {
    super(message, `your commits are kept here; run kith sync again when ${remote} can be reached`);
  }
}

/** The branch this clone is on and where it syncs: its upstream, else the same name on the one remote. */
export async function upstreamOf(root: string, vars: Vars): Promise<Upstream> {
  const head = await runGit(root, vars, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const branch = head.stdout.toString().trim();
  if (head.code !== 0 || !branch)
    throw new KithError('not on a branch (detached HEAD): kith syncs a branch', 'run `git switch main` first');
  const conf = await runGit(root, vars, [
    'config',
    '-z',
    '--get-regexp',
    '^(branch\\..*\\.(remote|merge)|remote\\..*\\.url)$',
  ]);
  const values = new Map<string, string>();
  for (const item of conf.stdout.toString().split('\0').filter(Boolean)) {
    const nl = item.indexOf('\n');
    values.set(item.slice(0, nl), item.slice(nl + 1));
  }
  const remotes = [...values.keys()].filter((k) => /^remote\..*\.url$/.test(k)).map((k) => k.slice(7, -4));
  const remote =
    values.get(`branch.${branch}.remote`) ??
    (remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0] : undefined);
  if (!remote || remote === '.')
    throw new KithError(
      'this repository has no remote to sync with',
      'add the team repository: git remote add origin URL (see "Working as a team" in the README)',
    );
  const remoteBranch = (values.get(`branch.${branch}.merge`) ?? branch).replace(/^refs\/heads\//, '');
  return { branch, remote, remoteBranch, tracking: `refs/remotes/${remote}/${remoteBranch}` };
}

/** Fetches the branch into its remote-tracking ref; false when the remote has no such branch yet. */
export async function fetchBranch(root: string, vars: Vars, up: Upstream, extra?: Record<string, string>) {
  const refspec = `+refs/heads/${up.remoteBranch}:${up.tracking}`;
  const r = await runGit(root, vars, ['fetch', '-q', '--no-tags', '--', up.remote, refspec], { extra });
  if (r.code === 0) return true;
  if (/couldn't find remote ref/i.test(r.stderr)) {
    await runGit(root, vars, ['update-ref', '-d', up.tracking]);
    return false;
  }
  throw new RemoteError(`could not fetch from ${up.remote}: ${gitReason(r.stderr)}`, up.remote);
}

type PushResult = 'pushed' | 'rejected';

/** Pushes HEAD to the remote branch; 'rejected' when the remote moved meanwhile (fetch, merge, retry). */
export async function pushBranch(root: string, vars: Vars, up: Upstream, extra?: Record<string, string>) {
  const r = await runGit(root, vars, ['push', '-q', '--', up.remote, `HEAD:refs/heads/${up.remoteBranch}`], { extra });
  if (r.code === 0) return 'pushed' as PushResult;
  // another push won the race: non-fast-forward, or the ref was locked while it landed
  if (/\[rejected\]|fetch first|non-fast-forward|cannot lock ref|failed to update ref|stale info/i.test(r.stderr))
    return 'rejected' as PushResult;
  throw new RemoteError(`could not push to ${up.remote}: ${gitReason(r.stderr)}`, up.remote);
}

/** Records where the branch syncs, so plain git pull and push agree with kith sync. */
export async function setUpstream(root: string, vars: Vars, up: Upstream): Promise<void> {
  await runGit(root, vars, ['config', `branch.${up.branch}.remote`, up.remote]);
  await runGit(root, vars, ['config', `branch.${up.branch}.merge`, `refs/heads/${up.remoteBranch}`]);
}

/** Clones `url` into `dir` (a path relative to `cwd`). */
export async function cloneRepo(cwd: string, vars: Vars, url: string, dir: string): Promise<void> {
  const r = await runGit(cwd, vars, ['clone', '-q', '--', url, dir]);
  if (r.code !== 0)
    throw new KithError(`could not clone ${url}: ${gitReason(r.stderr)}`, 'check the URL and your access to it');
}

/**
 * After a clone whose remote HEAD names no branch (a bare repository created with another
 * default branch): checks out main, master, or the only branch there is. The branch, if any.
 */
export async function checkoutRemoteBranch(root: string, vars: Vars): Promise<string | undefined> {
  const refs = await runGit(root, vars, ['for-each-ref', '--format=%(refname:lstrip=3)', 'refs/remotes/origin/']);
  const names = refs.stdout
    .toString()
    .split('\n')
    .filter((n) => n && n !== 'HEAD');
  const branch = ['main', 'master'].find((n) => names.includes(n)) ?? (names.length === 1 ? names[0] : undefined);
  if (!branch) return undefined;
  const r = await runGit(root, vars, ['checkout', '-q', '-b', branch, '--track', `origin/${branch}`]);
  if (r.code !== 0) throw new KithError(`could not check out ${branch}: ${gitReason(r.stderr)}`);
  return branch;
}
