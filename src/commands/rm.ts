// `kith rm REF`: removes a record after asking (or with --yes), and says what still links to it.
import { checkRepo } from '../core/check/index.js';
import { displayName, KithError, plural, UsageError } from '../core/model/index.js';
import { clean } from '../render/text/paint.js';
import { confirm, ensureWritable, openRepo, withRepo, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'record to remove' }],
  options: [{ flags: '-y, --yes', help: 'do not ask' }],
};

export interface RmOptions {
  readonly ref: string;
  readonly yes?: boolean;
}

export async function run(opts: RmOptions, env: Env) {
  // ask first, without the lock: a question can wait on a person, a lock must not
  ensureWritable(env);
  const target = openRepo(env).resolve(opts.ref);
  const name = displayName(target);
  if (!opts.yes) {
    if (!env.stdinIsTTY) {
      throw new UsageError(`not removing ${target.path} without confirmation`, 'pass --yes to remove it from a script');
    }
    if (!(await confirm(env, `remove ${target.kind} ${clean(name)} (${target.path})?`, false))) {
      env.err.write('nothing removed\n');
      return { removed: false };
    }
  }
  return withRepo(env, 'rm', async (repo) => {
    const still = repo.get(target.path);
    if (!still) throw new KithError(`${target.path} is gone: another command removed or renamed it meanwhile`);
    const summary = `remove ${still.kind} ${displayName(still)}`;
    await repo.apply({ writes: new Map(), removes: [still.path], summary, action: 'rm', refs: [still.path] });
    env.out.write(`removed ${still.path} (git keeps its history)\n`);
    const { data } = repo;
    const without = <T>(list: readonly T[]) => list.filter((r) => r !== still);
    const rest = {
      ...data,
      contacts: without(data.contacts),
      orgs: without(data.orgs),
      deals: without(data.deals),
      conversations: without(data.conversations),
      problems: [],
    };
    const dangling = checkRepo(rest).filter((p) => p.message.includes(`"${still.slug}"`));
    if (dangling.length) {
      const where = dangling.map((p) => `  ${p.file}:${p.line}`).join('\n');
      env.err.write(`warning: ${plural(dangling.length, 'reference')} still point at ${still.slug}:\n${where}\n`);
    }
    return { removed: true, path: still.path };
  });
}
