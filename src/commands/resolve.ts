// `kith resolve [FILE...]`: merges the records a plain `git pull` left in conflict, from the
// three versions in git's index, and stages them; says how to finish the merge.
import { describeKept } from '../core/merge/index.js';
import { KithError, plural, quotePath } from '../core/model/index.js';
import { clean } from '../render/text/paint.js';
import { resolveConflicts } from '../store/resolve.js';
import { repoRoot, type Env } from './env.js';
import type { CommandSpec } from './spec.js';
import { relative, resolve } from 'node:path';

export const spec: CommandSpec = {
  args: [{ name: '[files...]', help: 'files in conflict (default: all of them)' }],
  help: `
After a plain \`git pull\` stopped with conflicts in records (or kith.yaml):
  kith resolve && git commit          # a merge
  kith resolve && git rebase --continue   # a rebase`,
};

export interface ResolveOptions {
  readonly files?: readonly string[];
}

const NEXT: Readonly<Record<string, string>> = {
  'a merge': 'git commit --no-edit',
  'a rebase': 'git rebase --continue',
  'a cherry-pick': 'git cherry-pick --continue',
  'a revert': 'git revert --continue',
};

export async function run(opts: ResolveOptions, env: Env) {
  const root = repoRoot(env);
  const only = (opts.files ?? []).map((f) => relative(root, resolve(env.cwd, f)).split('\\').join('/'));
  const r = await resolveConflicts(root, env.vars, only);
  for (const x of r.resolved) {
    const how = x.restored ? ' (removed on one side, changed on the other: the changed version kept)' : '';
    env.out.write(`resolved ${quotePath(x.path)}${how}\n`);
    for (const k of x.kept) env.out.write(`  kept: ${clean(describeKept(k))}\n`);
  }
  if (!r.resolved.length && !r.failed.length) env.out.write('nothing to resolve: no file is in conflict\n');
  if (r.failed.length) {
    const list = r.failed.map((f) => `  ${quotePath(f.path)}: ${clean(f.reason)}`).join('\n');
    throw new KithError(
      `${plural(r.failed.length, 'file')} cannot be merged automatically:\n${list}`,
      'edit each to what it should say, then `git add` it',
    );
  }
  if (r.remaining.length)
    env.err.write(`still in conflict (not records kith merges): ${r.remaining.map((p) => quotePath(p)).join(', ')}\n`);
  else if (r.operation)
    env.err.write(`no conflicts left: finish ${r.operation} with \`${NEXT[r.operation] ?? 'git commit'}\`\n`);
  return r;
}
