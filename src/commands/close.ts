// `kith close REF [--reason ...]`: ends a conversation; nobody owes a word any more. Its open
// promises are never hidden: they stay open and due (--keep-promises) or are dropped
// (--drop-promises); without either, a terminal is asked and a script is told.
import { planClose, type OpenPromises } from '../core/conversation/index.js';
import { plural, quotePath, stripControls, UsageError } from '../core/model/index.js';
import { localDate } from '../core/time/index.js';
import { applyEdit } from '../store/repo.js';
import { confirm, ensureWritable, openRepo, withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'conversation (or contact, org, deal)' }],
  options: [
    { flags: '--reason <why>', help: 'why it ended' },
    { flags: '--keep-promises', help: 'its open promises stay open, and in kith due' },
    { flags: '--drop-promises', help: 'its open promises are given up (state: dropped)' },
  ],
};

export interface CloseOptions {
  readonly ref: string;
  readonly reason?: string;
  readonly keepPromises?: boolean;
  readonly dropPromises?: boolean;
}

/** What to do with open promises: the flag, else the answer on a terminal; undefined leaves it to planClose. */
async function choice(opts: CloseOptions, env: Env): Promise<OpenPromises | undefined> {
  if (opts.keepPromises && opts.dropPromises) throw new UsageError('--keep-promises or --drop-promises, not both');
  if (opts.keepPromises) return 'keep';
  if (opts.dropPromises) return 'drop';
  ensureWritable(env);
  const repo = await openRepo(env, { quiet: true, excerpts: true });
  const open = repo.openConversation(opts.ref).promises.filter((p) => p.state === 'open');
  if (!open.length || !env.stdinIsTTY) return undefined;
  for (const p of open)
    env.err.write(`  ${p.from === 'us' ? 'we' : 'they'} promised: ${stripControls(p.what)} (by ${p.due})\n`);
  const keep = await confirm(
    env,
    `keep ${open.length === 1 ? 'this promise' : `these ${plural(open.length, 'promise')}`} open?`,
    true,
  );
  return keep ? 'keep' : 'drop';
}

export async function run(opts: CloseOptions, env: Env) {
  const promises = await choice(opts, env);
  return withRepoExcerpts(env, 'close', async (repo) => {
    const conversation = repo.openConversation(opts.ref);
    const plan = planClose(conversation, { reason: opts.reason, promises, today: localDate(env.now, env.zone) });
    await applyEdit(repo, conversation.path, { changes: plan.changes, summary: plan.summary, action: 'close' });
    const kept = plan.open.length
      ? `; ${plural(plan.open.length, 'promise')} ${promises === 'drop' ? 'dropped' : 'kept open'}`
      : '';
    env.out.write(`closed ${quotePath(conversation.path)}${kept}\n`);
    return { conversation: conversation.path, turn: 'closed', promises: promises ?? null };
  });
}
