// `kith promise REF "what" --by WHEN [--them]`: records a promise in the open conversation.
import { pickConversation, withPromise } from '../core/conversation/index.js';
import { displayName, newId, quotePath, UsageError } from '../core/model/index.js';
import { localDate, parseWhen } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { applyEdit } from '../store/repo.js';
import { currentHandle, withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<ref>', help: 'contact, org, deal or conversation' },
    { name: '<what>', help: 'what is promised' },
  ],
  options: [
    { flags: '--by <when>', help: 'when it is due ("friday", "2026-12-10")', required: true },
    { flags: '--past', help: 'the due date may lie in the past' },
    { flags: '--them', help: 'they promised (default: we did)' },
    { flags: '--who <ref>', help: 'with --them: which of their people promised' },
  ],
  help: `
Examples:
  kith promise jane "send the revised quote" --by friday
  kith promise acme "legal review" --by 2026-12-10 --them`,
};

export interface PromiseOptions {
  readonly ref: string;
  readonly what: string;
  readonly by: string;
  readonly past?: boolean;
  readonly them?: boolean;
  readonly who?: string;
}

export async function run(opts: PromiseOptions, env: Env) {
  return withRepoExcerpts(env, 'promise', async (repo) => {
    const target = repo.resolveFull(opts.ref);
    const conversation = pickConversation(repo.around(target), target);
    if (!opts.what.trim()) throw new UsageError('what is promised? the text is empty');
    const due = (
      await parseWhen(opts.by, { now: env.now, zone: env.zone, toward: 'future', flag: '--by', anyDay: opts.past })
    ).date;
    const theirs = () =>
      opts.who
        ? repo.resolve(opts.who, ['contact']).slug
        : target.kind === 'contact'
          ? target.slug
          : conversation.participants[0];
    const who = opts.them ? theirs() : `@${await currentHandle(env, repo)}`;
    const what = opts.what.trim();
    const promise = {
      id: newId('promise'),
      from: opts.them ? 'them' : 'us',
      ...(who ? { who } : {}),
      what,
      due,
      state: 'open',
      made: localDate(env.now, env.zone),
    };
    const name = displayName(target);
    const summary = opts.them ? `note promise by ${name}: ${what} (by ${due})` : `promise ${name}: ${what} (by ${due})`;
    await applyEdit(repo, conversation.path, {
      changes: { promises: withPromise(conversation, promise) },
      summary,
      action: 'promise',
    });
    const said = opts.them ? 'they promised' : 'you promised';
    env.out.write(`${said}: ${clean(what)} by ${due} (${promise.id} in ${quotePath(conversation.path)})\n`);
    return promise;
  });
}
