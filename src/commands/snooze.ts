// `kith snooze REF WHEN`: moves a conversation's next date, or a promise's due date.
import { findPromise, patchPromise } from '../core/conversation/index.js';
import { parseWhen } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { quotePath } from '../core/model/index.js';
import { applyEdit } from '../store/repo.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<ref>', help: 'conversation (or contact, org, deal) or a promise id' },
    { name: '<when>', help: 'the new date' },
  ],
  options: [{ flags: '--past', help: 'the new date may lie in the past' }],
};

export interface SnoozeOptions {
  readonly ref: string;
  readonly when: string;
  readonly past?: boolean;
}

export async function run(opts: SnoozeOptions, env: Env) {
  return withRepoExcerpts(env, 'snooze', async (repo) => {
    const date = (
      await parseWhen(opts.when, {
        now: env.now,
        zone: env.zone,
        toward: 'future',
        flag: 'snooze to',
        anyDay: opts.past,
      })
    ).date;
    const found = findPromise(repo.data, opts.ref.trim().toLowerCase());
    if (found) {
      const { conversation, promise } = found;
      const changes = { promises: patchPromise(conversation, promise.id, { due: date }) };
      await applyEdit(repo, conversation.path, {
        changes,
        summary: `snooze promise: ${promise.what} (to ${date})`,
        action: 'snooze',
      });
      env.out.write(`promise ${promise.id} now due ${date}: ${clean(promise.what)}\n`);
      return { promise: promise.id, due: date };
    }
    const conversation = repo.openConversation(opts.ref);
    await applyEdit(repo, conversation.path, {
      changes: { next: date },
      summary: `snooze ${conversation.subject} to ${date}`,
      action: 'snooze',
    });
    env.out.write(`${quotePath(conversation.path)}: next by ${date}\n`);
    return { conversation: conversation.path, next: date };
  });
}
