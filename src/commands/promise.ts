// `kith promise REF "what" --by WHEN [--them]`: records a promise in the open conversation.
import { pickConversation } from '../core/conversations.js';
import { localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { displayName, resolveRef } from '../core/resolve.js';
import { parseWhen } from '../core/when.js';
import { currentHandle, editFields } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface PromiseOptions {
  readonly ref: string;
  readonly what: string;
  readonly by: string;
  readonly them?: boolean;
  readonly who?: string;
}

export async function run(opts: PromiseOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  const conversation = pickConversation(repo.data, target);
  if (!opts.what.trim()) throw new UsageError('what is promised? the text is empty');
  const due = (await parseWhen(opts.by, { now: env.now, zone: env.zone, forward: true })).date;
  const who = opts.them
    ? (opts.who ? resolveRef(repo.data, opts.who, ['contact']).slug : target.kind === 'contact' ? target.slug : conversation.participants[0])
    : `@${await currentHandle(env, repo.root, repo.data.settings)}`;
  const promise = {
    id: newId('promise'), from: opts.them ? 'them' : 'us', ...(who ? { who } : {}), what: opts.what.trim(), due,
    state: 'open', made: localDate(env.now, env.zone),
  };
  const existing = (conversation.data.promises as unknown[] | undefined) ?? [];
  const summary = opts.them ? `note promise by ${displayName(target)}: ${promise.what} (by ${due})` : `promise ${displayName(target)}: ${promise.what} (by ${due})`;
  await editFields(repo, conversation, { promises: [...existing, promise] }, summary, 'promise');
  env.out.write(`${opts.them ? 'they promised' : 'you promised'}: ${clean(promise.what)} by ${due} (${promise.id} in ${conversation.path})\n`);
  return promise;
}
