// `kith rm REF`: removes a record after asking (or with --yes), and says what still links to it.
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../core/errors.js';
import { checkRepo } from '../core/check.js';
import { displayName, resolveRef } from '../core/resolve.js';
import { applyChange } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface RmOptions {
  readonly ref: string;
  readonly yes?: boolean;
}

export async function run(opts: RmOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  const name = displayName(target);
  if (!opts.yes) {
    if (!env.stdinIsTTY) throw new UsageError(`not removing ${target.path} without confirmation`, 'pass --yes to remove it from a script');
    const output = new Writable({ write(chunk, _enc, done) { env.err.write(String(chunk)); done(); } });
    const rl = createInterface({ input: env.stdin, output });
    const answer = await rl.question(`remove ${target.kind} ${clean(name)} (${target.path})? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      env.err.write('nothing removed\n');
      return { removed: false };
    }
  }
  await applyChange(repo.root, { writes: new Map(), removes: [target.path], summary: `remove ${target.kind} ${name}`, action: 'rm', refs: [target.path] });
  env.out.write(`removed ${target.path} (git keeps its history)\n`);
  const rest = { ...repo.data, contacts: repo.data.contacts.filter((r) => r !== target), orgs: repo.data.orgs.filter((r) => r !== target),
    deals: repo.data.deals.filter((r) => r !== target), conversations: repo.data.conversations.filter((r) => r !== target), problems: [] };
  const dangling = checkRepo(rest).filter((p) => p.message.includes(`"${target.slug}"`));
  if (dangling.length) env.err.write(`warning: ${dangling.length} reference${dangling.length === 1 ? '' : 's'} still point at ${target.slug}:\n${dangling.map((p) => `  ${p.file}:${p.line}`).join('\n')}\n`);
  return { removed: true, path: target.path };
}
