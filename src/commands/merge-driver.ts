// `kith merge-driver BASE OURS THEIRS PATH`: what git runs (from .git/config) for a record both
// sides changed under a plain `git pull` or `git rebase`. Writes the merge into OURS. A file it
// cannot merge gets conflict markers and exit 1, so git stops instead of keeping one side.
import { quotePath } from '../core/model/index.js';
import { mergeDriverFiles } from '../store/merge/driver.js';
import type { Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<base>', help: "git's %O: the common ancestor's version" },
    { name: '<ours>', help: "git's %A: our version, replaced by the merge" },
    { name: '<theirs>', help: "git's %B: their version" },
    { name: '<path>', help: "git's %P: the file's path in the repository" },
  ],
};

export interface MergeDriverOptions {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
  readonly path: string;
}

export async function run(opts: MergeDriverOptions, env: Env) {
  const result = mergeDriverFiles(opts);
  if (result.kept.length)
    env.err.write(`kith: ${quotePath(opts.path)}: ${result.kept.length} value(s) kept aside under conflicts:\n`);
  return result;
}
