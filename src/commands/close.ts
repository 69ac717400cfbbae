// `kith close REF [--reason ...]` and `kith reopen REF`: end a conversation or pick it up again.
import { pickConversation } from '../core/conversations.js';
import { localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { resolveRef } from '../core/resolve.js';
import { conversationsOf } from '../core/views.js';
import { editFields } from './change.js';
import { openRepo, type Env } from './env.js';

export interface CloseOptions {
  readonly ref: string;
  readonly reason?: string;
  readonly reopen?: boolean;
}

export async function run(opts: CloseOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  if (opts.reopen) {
    const closed = target.kind === 'conversation' ? [target] : conversationsOf(repo.data, target).filter((v) => v.turn === 'closed');
    const conversation = closed[0];
    if (!conversation || conversation.turn !== 'closed') throw new UsageError(`no closed conversation with ${target.slug}`);
    // reopening means we owe the next word, today
    await editFields(repo, conversation, { turn: 'us', next: localDate(env.now, env.zone), closed_reason: undefined }, `reopen ${conversation.subject}`, 'reopen');
    env.out.write(`reopened ${conversation.path}: our turn\n`);
    return { conversation: conversation.path, turn: 'us' };
  }
  const conversation = pickConversation(repo.data, target);
  await editFields(repo, conversation, { turn: 'closed', next: undefined, closed_reason: opts.reason }, `close ${conversation.subject}${opts.reason ? `: ${opts.reason}` : ''}`, 'close');
  env.out.write(`closed ${conversation.path}\n`);
  return { conversation: conversation.path, turn: 'closed' };
}
