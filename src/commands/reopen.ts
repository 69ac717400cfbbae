// `kith reopen REF`: picks a closed conversation up again: our turn, today.
import { conversationsOf } from '../core/conversation/index.js';
import { quotePath, UsageError } from '../core/model/index.js';
import { localDate } from '../core/time/index.js';
import { applyEdit } from '../store/repo.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'conversation (or contact, org, deal)' }],
};

export interface ReopenOptions {
  readonly ref: string;
}

export async function run(opts: ReopenOptions, env: Env) {
  return withRepoExcerpts(env, 'reopen', async (repo) => {
    const target = repo.resolve(opts.ref);
    const closed =
      target.kind === 'conversation' ? [target] : conversationsOf(repo.data, target).filter((v) => v.turn === 'closed');
    const conversation = closed[0];
    if (!conversation || conversation.turn !== 'closed')
      throw new UsageError(`no closed conversation with ${quotePath(target.slug)}`);
    // reopening means we owe the next word, today
    const changes = { turn: 'us', next: localDate(env.now, env.zone), closed_reason: undefined };
    await applyEdit(repo, conversation.path, { changes, summary: `reopen ${conversation.subject}`, action: 'reopen' });
    env.out.write(`reopened ${quotePath(conversation.path)}: our turn\n`);
    return { conversation: conversation.path, turn: 'us' };
  });
}
