// `kith close REF [--reason ...]`: ends a conversation; nobody owes a word any more.
import { pickConversation } from '../core/conversation/index.js';
import { applyEdit } from '../store/repo.js';
import { withRepo, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'conversation (or contact, org, deal)' }],
  options: [{ flags: '--reason <why>', help: 'why it ended' }],
};

export interface CloseOptions {
  readonly ref: string;
  readonly reason?: string;
}

export async function run(opts: CloseOptions, env: Env) {
  return withRepo(env, 'close', async (repo) => {
    const conversation = pickConversation(repo.data, repo.resolve(opts.ref));
    const changes = { turn: 'closed', next: undefined, closed_reason: opts.reason };
    const summary = `close ${conversation.subject}${opts.reason ? `: ${opts.reason}` : ''}`;
    await applyEdit(repo, conversation.path, { changes, summary, action: 'close' });
    env.out.write(`closed ${conversation.path}\n`);
    return { conversation: conversation.path, turn: 'closed' };
  });
}
