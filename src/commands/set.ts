// `kith set REF key=value ...`: changes fields in place (only those bytes) and commits.
import { KEPT_KEY, settleKept } from '../core/merge/index.js';
import { displayName, quotePath, readAssignments } from '../core/model/index.js';
import { editRecordText, parseFieldValue } from '../store/front-matter-edit.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<ref>', help: 'record to change' },
    { name: '<pairs...>', help: 'key=value (key= removes the key)' },
  ],
};

export interface SetOptions {
  readonly ref: string;
  readonly pairs: readonly string[];
}

export async function run(opts: SetOptions, env: Env) {
  return withRepoExcerpts(env, 'set', async (repo) => {
    const target = repo.resolve(opts.ref);
    const changes = readAssignments(opts.pairs, parseFieldValue);
    const original = repo.readForEdit(target.path);
    // setting a field again settles what a merge kept aside for it
    const settled = KEPT_KEY in changes ? {} : settleKept(target.data, Object.keys(changes));
    const text = editRecordText(original, target.path, { ...changes, ...settled });
    const keys = Object.keys(changes);
    const summary = `set ${keys.join(', ')} on ${displayName(target)}`;
    await repo.apply({ writes: new Map([[target.path, text]]), summary, action: 'set', refs: [target.path] });
    const done = keys.map((k) => (changes[k] === undefined ? `removed ${k}` : `${k} set`));
    env.out.write(`${quotePath(target.path)}: ${done.join(', ')}\n`);
    return { path: target.path, changes };
  });
}
