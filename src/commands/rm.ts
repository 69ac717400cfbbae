// `kith rm REF`: removes a record after asking (or with --yes). A record others refer to is
// not removed unless --force says so, and then the command says what now points at nothing.
import {
  displayName,
  KithError,
  plural,
  quotePath,
  referencesTo,
  UsageError,
  type Reference,
} from '../core/model/index.js';
import { clean } from '../render/text/paint.js';
import { confirm, ensureWritable, openRepo, withRepo, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'record to remove' }],
  options: [
    { flags: '-y, --yes', help: 'do not ask' },
    { flags: '--force', help: 'remove it even though other records refer to it (they will point at nothing)' },
  ],
  help: `
A record other records refer to (a contact in a deal, an org of a contact...) is not
removed: the references are listed, to change first (kith set, kith edit). --force
removes it anyway and lists what now points at nothing; kith check reports those.`,
};

export interface RmOptions {
  readonly ref: string;
  readonly yes?: boolean;
  readonly force?: boolean;
}

const DANGLE = 'would point at nothing';
const listed = (refs: readonly Reference[]) =>
  refs.map((r) => `  ${quotePath(r.path)}:${r.line}: ${clean(r.field)}`).join('\n');

export async function run(opts: RmOptions, env: Env) {
  // ask first, without the lock: a question can wait on a person, a lock must not
  ensureWritable(env);
  const target = (await openRepo(env)).resolve(opts.ref);
  const name = displayName(target);
  if (!opts.yes) {
    if (!env.stdinIsTTY) {
      throw new UsageError(
        `not removing ${quotePath(target.path)} without confirmation`,
        'pass --yes to remove it from a script',
      );
    }
    if (!(await confirm(env, `remove ${target.kind} ${clean(name)} (${quotePath(target.path)})?`, false))) {
      env.err.write('nothing removed\n');
      return { removed: false };
    }
  }
  return withRepo(env, 'rm', async (repo) => {
    const still = repo.get(target.path);
    if (!still)
      throw new KithError(`${quotePath(target.path)} is gone: another command removed or renamed it meanwhile`);
    const refs = referencesTo(repo.data, still);
    if (refs.length && !opts.force) {
      throw new KithError(
        `not removing ${quotePath(still.path)}: ${plural(refs.length, 'reference')} to ` +
          `${clean(still.slug)} ${DANGLE}:\n${listed(refs)}`,
        'change those first (kith set, kith edit), or pass --force to remove it anyway',
      );
    }
    const summary = `remove ${still.kind} ${displayName(still)}`;
    await repo.apply({ writes: new Map(), removes: [still.path], summary, action: 'rm', refs: [still.path] });
    env.out.write(`removed ${quotePath(still.path)} (git keeps its history)\n`);
    if (refs.length)
      env.err.write(`warning: ${plural(refs.length, 'reference')} now point at nothing:\n${listed(refs)}\n`);
    return { removed: true, path: still.path, dangling: refs };
  });
}
