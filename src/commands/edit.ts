// `kith edit REF`: opens the record in $VISUAL/$EDITOR on a copy, checks it, then writes and
// commits it. A failed editor changes nothing; invalid text is kept, never thrown away.
import { displayName, KithError, plural, quotePath } from '../core/model/index.js';
import { formatProblem } from '../render/text/problems.js';
import { readTextFile, removeTempCopy, tempCopy } from '../store/files.js';
import { confirm, ensureWritable, openRepo, withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'record to edit' }],
};

export interface EditOptions {
  readonly ref: string;
}

/** Writes the edited text under the lock, unless the file changed while the editor was open. */
function save(env: Env, path: string, original: string, text: string, meta: { summary: string; copy: string }) {
  return withRepoExcerpts(env, 'edit', async (repo) => {
    if (repo.readForEdit(path) !== original) {
      throw new KithError(
        `${quotePath(path)} changed while you were editing it: not saved`,
        `your text is kept in ${quotePath(meta.copy)}`,
      );
    }
    await repo.apply({ writes: new Map([[path, text]]), summary: meta.summary, action: 'edit', refs: [path] });
  });
}

export async function run(opts: EditOptions, env: Env) {
  ensureWritable(env);
  const repo = await openRepo(env, { excerpts: true });
  const target = repo.resolve(opts.ref);
  if (!(env.vars.VISUAL || env.vars.EDITOR))
    throw new KithError('no editor: set VISUAL or EDITOR', 'e.g. export EDITOR=nano');
  const original = repo.readForEdit(target.path);
  const copy = tempCopy(target.path.replace(/^.*\//, ''), original);
  for (;;) {
    const status = env.edit(copy);
    if (status !== 0) {
      throw new KithError(
        `the editor exited with ${status}: ${quotePath(target.path)} is unchanged`,
        `your edited text, if any, is in ${copy}`,
      );
    }
    const text = readTextFile(copy);
    if (text === original) {
      removeTempCopy(copy);
      env.err.write(`no changes to ${quotePath(target.path)}\n`);
      return { changed: false, path: target.path };
    }
    // what check would reject: the schema, and the stages, references and owners of the repo
    const problems = repo.validate(new Map([[target.path, text]]));
    if (!problems.length) {
      await save(env, target.path, original, text, { summary: `edit ${target.kind} ${displayName(target)}`, copy });
      // saved and committed: the copy has served; a failed save keeps it (the hint says where)
      removeTempCopy(copy);
      env.out.write(`saved ${quotePath(target.path)}\n`);
      return { changed: true, path: target.path };
    }
    env.err.write(`${problems.map(formatProblem).join('\n')}\n`);
    if (!(await confirm(env, 'edit again?', true))) {
      const count = plural(problems.length, 'problem');
      throw new KithError(
        `${quotePath(target.path)} is unchanged: the edited text has ${count}`,
        `your text is kept in ${copy}`,
      );
    }
  }
}
