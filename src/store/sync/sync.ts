// `kith sync` without the command line: hand edits checked and committed, the remote fetched,
// its commits merged as data in one process (never a half-done merge: the merge is built as
// objects, then the branch moves forward), duplicates made one, and the result pushed; a push
// the remote refused because it moved is fetched, merged and tried again, a bounded number of times.
import { KithError, plural, quotePath, type Problem } from '../../core/model/index.js';
import type { Vars } from '../../git/git.js';
import { driverEnv } from '../../git/merge-driver.js';
import { fetchBranch, pushBranch, setUpstream, upstreamOf, type Upstream } from '../../git/remote.js';
import { commitTree, fastForward, mergeBase, revParse } from '../../git/tree.js';
import type { Repo } from '../repo.js';
import { mergeTrees, type TreeMerge } from '../merge/tree.js';
import { commitHandEdits } from './hand-edits.js';
import { unifyAfter } from './unify-step.js';
import { describeTraffic, type Traffic } from './traffic.js';

/** Pushes refused because the remote moved meanwhile, before sync gives up (and says so). */
const ATTEMPTS = 5;

export interface SyncReport extends Traffic {
  readonly remote: string;
  readonly branch: string;
  readonly committed?: { readonly commit: string; readonly files: readonly string[] };
  readonly merged: TreeMerge['merged'];
  readonly restored: TreeMerge['restored'];
  readonly moved: TreeMerge['moved'];
  readonly unified: readonly { readonly into: string; readonly from: readonly string[] }[];
  readonly pushed: boolean;
  readonly attempts: number;
  readonly head: string;
}

export interface SyncOptions {
  /** The merge driver command, passed to git's own calls. */
  readonly driver: string;
  readonly format: (p: Problem) => string;
}

function unmergeableError(merge: TreeMerge, up: Upstream): KithError {
  const files = merge.unmergeable.map((u) => `  ${quotePath(u.path)}: ${u.reason}`).join('\n');
  return new KithError(
    `cannot merge ${plural(merge.unmergeable.length, 'file')} with ${up.remote}/${up.remoteBranch} ` +
      `automatically:\n${files}\n` +
      'nothing was changed: your commits are kept here and nothing was sent',
    'merge them by hand: `git pull`, edit the files it names, `git add` them and `git commit`, then `kith sync`',
  );
}

interface Step {
  merge?: TreeMerge;
}

/** Brings the remote's commits in: fast-forward, or a merge commit built from the merged tree. */
async function integrate(repo: Repo, vars: Vars, up: Upstream, extra: Record<string, string>, step: Step) {
  const [local, remote] = [await revParse(repo.root, vars, 'HEAD'), await revParse(repo.root, vars, up.tracking)];
  if (!local || !remote || local === remote) return;
  const base = await mergeBase(repo.root, vars, local, remote);
  if (!base)
    throw new KithError(
      `this repository and ${up.remote}/${up.remoteBranch} share no history`,
      'clone the team repository with `kith clone URL` and work there',
    );
  if (base === remote) return;
  if (base === local) return fastForward(repo.root, vars, remote, extra);
  const names = { ours: 'here', theirs: `on ${up.remote}/${up.remoteBranch}` };
  const merge = await mergeTrees(repo.root, vars, { base, ours: local, theirs: remote }, names);
  if (merge.unmergeable.length || !merge.tree) throw unmergeableError(merge, up);
  const message = [
    `sync: merge ${up.remote}/${up.remoteBranch}`,
    '',
    ...merge.merged.map((m) => `Kith-Ref: ${quotePath(m.path)}`),
    'Kith-Action: sync',
  ].join('\n');
  const commit = await commitTree(repo.root, vars, merge.tree, [local, remote], message);
  await fastForward(repo.root, vars, commit, extra);
  step.merge = merge;
}

export async function syncRepo(repo: Repo, vars: Vars, opts: SyncOptions): Promise<SyncReport> {
  // withRepo refused already if git is mid-merge or mid-rebase
  const up = await upstreamOf(repo.root, vars);
  const extra = driverEnv(opts.driver);
  const edits = await commitHandEdits(repo, vars, opts.format);
  const start = (await revParse(repo.root, vars, 'HEAD'))!;
  const report = { merged: [] as TreeMerge['merged'][number][], restored: [] as TreeMerge['restored'][number][] };
  const moved: TreeMerge['moved'][number][] = [];
  const unified: SyncReport['unified'][number][] = [];
  let attempts = 0;
  let pushed = false;
  let remote: string | undefined;
  while (!pushed) {
    if (++attempts > ATTEMPTS)
      throw new KithError(
        `${up.remote}/${up.remoteBranch} kept moving: ${ATTEMPTS} pushes were refused`,
        'your commits are kept here, merged with what came in; run kith sync again in a moment',
      );
    const exists = await fetchBranch(repo.root, vars, up, extra);
    const step: Step = {};
    if (exists) await integrate(repo, vars, up, extra, step);
    if (step.merge) {
      report.merged.push(...step.merge.merged);
      report.restored.push(...step.merge.restored);
      moved.push(...step.merge.moved);
    }
    for (const u of await unifyAfter(repo, vars, start, !!edits.commit))
      if (!unified.some((x) => x.into === u.into)) unified.push(u);
    remote = exists ? await revParse(repo.root, vars, up.tracking) : undefined;
    if ((await revParse(repo.root, vars, 'HEAD')) === remote) break;
    pushed = (await pushBranch(repo.root, vars, up, extra)) === 'pushed';
  }
  await setUpstream(repo.root, vars, up);
  const head = (await revParse(repo.root, vars, 'HEAD'))!;
  const traffic = await describeTraffic(repo.root, vars, { start, head, remote, pushed });
  return {
    remote: up.remote,
    branch: up.remoteBranch,
    committed: edits.commit ? { commit: edits.commit, files: edits.paths } : undefined,
    ...traffic,
    ...report,
    moved,
    unified,
    pushed,
    attempts,
    head,
  };
}
