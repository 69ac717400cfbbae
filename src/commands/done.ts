// `kith done PROMISE|REF [--broken]`: marks a promise kept (or broken) with today's date.
import { findPromise, matchOpenPromises, pickConversation } from '../core/conversations.js';
import { localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { resolveRef } from '../core/resolve.js';
import type { Conversation, Promise_ } from '../core/types.js';
import { editFields } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface DoneOptions {
  readonly ref: string;
  readonly broken?: boolean;
}

export async function run(opts: DoneOptions, env: Env) {
  const repo = openRepo(env);
  let found: { conversation: Conversation; promise: Promise_ } | undefined = findPromise(repo.data, opts.ref.trim().toLowerCase());
  const byText = found ? [] : matchOpenPromises(repo.data, opts.ref);
  if (byText.length > 1) {
    throw new UsageError(`"${opts.ref}" matches ${byText.length} open promises:\n${byText.map(({ promise: p, conversation: v }) => `  ${p.id}  ${clean(p.what)} (by ${p.due}, ${v.path})`).join('\n')}`, 'name the promise by its id');
  }
  if (!found && byText.length === 1) found = byText[0];
  if (!found) {
    const conversation = pickConversation(repo.data, resolveRef(repo.data, opts.ref));
    const open = conversation.promises.filter((p) => p.state === 'open');
    if (open.length !== 1) {
      throw new UsageError(open.length ? `${conversation.path} has ${open.length} open promises:\n${open.map((p) => `  ${p.id}  ${clean(p.what)} (by ${p.due})`).join('\n')}` : `no open promise in ${conversation.path}`,
        open.length ? 'name the promise by its id: kith done p-...' : 'kith promise REF "what" --by WHEN records one');
    }
    found = { conversation, promise: open[0]! };
  }
  const { conversation, promise } = found;
  if (promise.state !== 'open') throw new UsageError(`promise ${promise.id} is already ${promise.state}${promise.closed ? ` (${promise.closed})` : ''}`);
  const state = opts.broken ? 'broken' : 'kept';
  const closed = localDate(env.now, env.zone);
  const promises = (conversation.data.promises as Record<string, unknown>[]).map((p) => (p.id === promise.id ? { ...p, state, closed } : p));
  await editFields(repo, conversation, { promises }, `${opts.broken ? 'break' : 'keep'} promise: ${promise.what}`, 'done');
  env.out.write(`${state}: ${clean(promise.what)} (${promise.id})\n`);
  return { ...promise, state, closed };
}
