// `kith rm REF`: removes a record after asking (or with --yes), and says what still links to it.
import { checkRepo } from '../core/check/index.js';
import { displayName, plural, UsageError } from '../core/model/index.js';
import { clean } from '../render/text/paint.js';
import { confirm, openRepo, type Env } from './env.js';
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
  const repo = openRepo(env);
  const target = repo.resolve(opts.ref);
  const name = displayName(target);
  if (!opts.yes) {
    if (!env.stdinIsTTY)
      throw new UsageError(`not removing ${target.path} without confirmation`, 'pass --yes to remove it from a script');
    if (!(await confirm(env, `remove ${target.kind} ${clean(name)} (${target.path})?`, false))) {
      env.err.write('nothing removed\n');
      return { removed: false };
    }
  }
  await repo.apply({
    writes: new Map(),
    removes: [target.path],
    summary: `remove ${target.kind} ${name}`,
    action: 'rm',
    refs: [target.path],
  });
  env.out.write(`removed ${target.path} (git keeps its history)\n`);
  const { data } = repo;
  const without = <T>(list: readonly T[]) => list.filter((r) => r !== target);
  const rest = {
    ...data,
    contacts: without(data.contacts),
    orgs: without(data.orgs),
    deals: without(data.deals),
    conversations: without(data.conversations),
    problems: [],
  };
  const dangling = checkRepo(rest).filter((p) => p.message.includes(`"${target.slug}"`));
  if (dangling.length) {
    const where = dangling.map((p) => `  ${p.file}:${p.line}`).join('\n');
    env.err.write(`warning: ${plural(dangling.length, 'reference')} still point at ${target.slug}:\n${where}\n`);
  }
  return { removed: true, path: target.path };
}
