// `kith resolve`: files a plain `git pull` (or rebase) left in conflict, merged from the three
// versions git keeps in the index (stages 1 base, 2 ours, 3 theirs), written and staged. The
// lock is taken by hand: this runs while git is mid-merge, which writing commands refuse.
import type { Kept } from '../core/merge/index.js';
import type { Vars } from '../git/git.js';
import { gitReason } from '../git/remote.js';
import { runGit } from '../git/git.js';
import { currentOperation } from '../git/state.js';
import { readBlobs, unmergedStages } from '../git/tree.js';
import { KithError } from '../core/model/index.js';
import { writeAtomic } from './files.js';
import { ensureSafeWrite } from './safe-paths.js';
import { acquireLock } from './lock.js';
import { mergeFile } from './merge/file.js';

export interface Resolution {
  readonly resolved: readonly { readonly path: string; readonly kept: readonly Kept[]; readonly restored: boolean }[];
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
  /** Paths still in conflict afterwards, these and others. */
  readonly remaining: readonly string[];
  /** What git is in the middle of: a merge, a rebase... */
  readonly operation?: string;
}

export async function resolveConflicts(root: string, vars: Vars, only?: readonly string[]): Promise<Resolution> {
  const lock = await acquireLock(root, 'resolve');
  try {
    const stages = await unmergedStages(root, vars);
    const paths = [...new Set(stages.map((s) => s.path))].filter((p) => !only?.length || only.includes(p));
    for (const p of only ?? [])
      if (!stages.some((s) => s.path === p))
        throw new KithError(
          `${p} is not in conflict: git holds no versions of it to merge`,
          'git status lists the files in conflict',
        );
    const has = (path: string, stage: number) => stages.some((s) => s.path === path && s.stage === stage);
    const blobs = await readBlobs(
      root,
      vars,
      paths.flatMap((p) => [1, 2, 3].map((n) => `:${n}:${p}`)),
    );
    const resolved: { path: string; kept: readonly Kept[]; restored: boolean }[] = [];
    const failed: { path: string; reason: string }[] = [];
    for (const path of paths) {
      const [base, ours, theirs] = [1, 2, 3].map((n) => (has(path, n) ? blobs.get(`:${n}:${path}`) : undefined));
      if (ours === undefined || theirs === undefined) {
        // removed on one side, changed on the other: the changed version stays
        ensureSafeWrite(root, path);
        writeAtomic(root, path, (ours ?? theirs)!);
        resolved.push({ path, kept: [], restored: true });
        continue;
      }
      const r = mergeFile(path, base, ours, theirs);
      if (!r.ok) {
        failed.push({ path, reason: r.reason });
        continue;
      }
      ensureSafeWrite(root, path);
      writeAtomic(root, path, r.text);
      resolved.push({ path, kept: r.kept, restored: false });
    }
    if (resolved.length) {
      const add = await runGit(root, vars, ['add', '--', ...resolved.map((r) => r.path)]);
      if (add.code !== 0) throw new KithError(`could not stage the merged files: ${gitReason(add.stderr)}`);
    }
    const remaining = [...new Set((await unmergedStages(root, vars)).map((s) => s.path))];
    return { resolved, failed, remaining, operation: currentOperation(root)?.what };
  } finally {
    lock.release();
  }
}
