// `kith done PROMISE|REF [--broken]`: marks a promise kept (or broken) with today's date.
import { promiseFor, settlePromise } from '../core/conversation/index.js';
import { localDate } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { applyEdit } from '../store/repo.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<promise-or-ref>', help: 'a promise id (p-...), or a conversation with one open promise' }],
  options: [{ flags: '--broken', help: 'the promise was broken' }],
};

export interface DoneOptions {
  readonly promiseOrRef: string;
  readonly broken?: boolean;
}

export async function run(opts: DoneOptions, env: Env) {
  return withRepoExcerpts(env, 'done', async (repo) => {
    const found = promiseFor(repo.data, opts.promiseOrRef);
    const { promise, changes, summary } = settlePromise(found, Boolean(opts.broken), localDate(env.now, env.zone));
    await applyEdit(repo, found.conversation.path, { changes, summary, action: 'done' });
    env.out.write(`${promise.state}: ${clean(promise.what)} (${promise.id})\n`);
    return promise;
  });
}
