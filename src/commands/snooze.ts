// `kith snooze REF WHEN`: moves a conversation's next date, or a promise's due date.
import { findPromise, pickConversation } from '../core/conversations.js';
import { resolveRef } from '../core/resolve.js';
import { parseWhen } from '../core/when.js';
import { editFields } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface SnoozeOptions {
  readonly ref: string;
  readonly when: string;
}

export async function run(opts: SnoozeOptions, env: Env) {
  const repo = openRepo(env);
  const date = (await parseWhen(opts.when, { now: env.now, zone: env.zone, forward: true })).date;
  const found = findPromise(repo.data, opts.ref.trim().toLowerCase());
  if (found) {
    const promises = (found.conversation.data.promises as Record<string, unknown>[]).map((p) => (p.id === found.promise.id ? { ...p, due: date } : p));
    await editFields(repo, found.conversation, { promises }, `snooze promise: ${found.promise.what} (to ${date})`, 'snooze');
    env.out.write(`promise ${found.promise.id} now due ${date}: ${clean(found.promise.what)}\n`);
    return { promise: found.promise.id, due: date };
  }
  const conversation = pickConversation(repo.data, resolveRef(repo.data, opts.ref));
  await editFields(repo, conversation, { next: date }, `snooze ${conversation.subject} to ${date}`, 'snooze');
  env.out.write(`${conversation.path}: next by ${date}\n`);
  return { conversation: conversation.path, next: date };
}
