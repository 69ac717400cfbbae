// `kith done PROMISE|REF [--broken]`: marks a promise kept (or broken) with today's date.
import {
  findPromise,
  matchOpenPromises,
  patchPromise,
  pickConversation,
  type FoundPromise,
} from '../core/conversation/index.js';
import { UsageError } from '../core/model/index.js';
import { localDate } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { applyEdit, type Repo } from '../store/repo.js';
import { openRepo, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<promise-or-ref>', help: 'a promise id (p-...), or a conversation with one open promise' }],
  options: [{ flags: '--broken', help: 'the promise was broken' }],
};

export interface DoneOptions {
  readonly promiseOrRef: string;
  readonly broken?: boolean;
}

/** The promise meant: by id, by a fragment of its text, or the one open promise of a conversation. */
function findOne(repo: Repo, ref: string): FoundPromise {
  const byId = findPromise(repo.data, ref.trim().toLowerCase());
  if (byId) return byId;
  const byText = matchOpenPromises(repo.data, ref);
  if (byText.length > 1) {
    const list = byText.map(
      ({ promise: p, conversation: v }) => `  ${p.id}  ${clean(p.what)} (by ${p.due}, ${v.path})`,
    );
    throw new UsageError(
      `"${ref}" matches ${byText.length} open promises:\n${list.join('\n')}`,
      'name the promise by its id',
    );
  }
  if (byText.length === 1) return byText[0]!;
  const conversation = pickConversation(repo.data, repo.resolve(ref));
  const open = conversation.promises.filter((p) => p.state === 'open');
  if (open.length === 1) return { conversation, promise: open[0]! };
  if (!open.length)
    throw new UsageError(`no open promise in ${conversation.path}`, 'kith promise REF "what" --by WHEN records one');
  const list = open.map((p) => `  ${p.id}  ${clean(p.what)} (by ${p.due})`).join('\n');
  throw new UsageError(
    `${conversation.path} has ${open.length} open promises:\n${list}`,
    'name the promise by its id: kith done p-...',
  );
}

export async function run(opts: DoneOptions, env: Env) {
  const repo = openRepo(env);
  const { conversation, promise } = findOne(repo, opts.promiseOrRef);
  if (promise.state !== 'open') {
    throw new UsageError(
      `promise ${promise.id} is already ${promise.state}${promise.closed ? ` (${promise.closed})` : ''}`,
    );
  }
  const state = opts.broken ? 'broken' : 'kept';
  const closed = localDate(env.now, env.zone);
  const changes = { promises: patchPromise(conversation, promise.id, { state, closed }) };
  const summary = `${opts.broken ? 'break' : 'keep'} promise: ${promise.what}`;
  await applyEdit(repo, conversation.path, { changes, summary, action: 'done' });
  env.out.write(`${state}: ${clean(promise.what)} (${promise.id})\n`);
  return { ...promise, state, closed };
}
