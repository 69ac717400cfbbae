// `kith log REF TEXT`: appends an entry to the open conversation with someone, or starts one.
import { insertEntry, logText, planLog } from '../core/conversation/index.js';
import { newId, quotePath, slugify, type EntryType, type Turn } from '../core/model/index.js';
import { formatDateTime, localDate, parseWhen } from '../core/time/index.js';
import { renderFile } from '../store/front-matter-edit.js';
import { applyEdit } from '../store/repo.js';
import { currentHandle, withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<ref>', help: 'contact, org, deal or conversation' },
    { name: '<text>', help: 'what happened' },
  ],
  options: [
    { flags: '--type <type>', help: 'kind of entry', choices: ['call', 'meeting', 'note', 'mail'] },
    { flags: '--at <when>', help: 'when it happened ("yesterday 3pm"; default now)' },
    { flags: '--next <when>', help: 'when the next word is due ("friday", "in 3 days")' },
    { flags: '--past', help: 'with --next: a date in the past is meant' },
    { flags: '--turn <turn>', help: 'whose turn it is now', choices: ['us', 'them'] },
    { flags: '--deal <ref>', help: 'link the conversation to a deal' },
    { flags: '--new', help: 'start a new conversation even if one is open' },
    { flags: '--subject <subject>', help: 'subject of a new conversation' },
  ],
  help: `
A "call: ..." or "meeting: ..." prefix in the text sets the type too.
Whose turn: a note from us leaves it; a call, meeting or mail from us hands it to them.

Examples:
  kith log jane "call: wants SSO pricing" --next friday
  kith log acme "sent the quote" --type mail --turn them`,
};

export interface LogOptions {
  readonly ref: string;
  readonly text: string;
  readonly type?: EntryType;
  readonly at?: string;
  readonly next?: string;
  readonly past?: boolean;
  readonly turn?: Turn;
  readonly deal?: string;
  readonly new?: boolean;
  readonly subject?: string;
}

const TURN_TEXT = { us: 'our turn', them: 'their turn', closed: 'closed' } as const;

export async function run(opts: LogOptions, env: Env) {
  const typed = logText(opts.text, opts.type);
  return withRepoExcerpts(env, 'log', async (repo) => {
    // the record named is read alone, and the conversations that may be open with it
    const target = repo.resolveFull(opts.ref);
    const deal = opts.deal ? repo.resolve(opts.deal, ['deal']).slug : undefined;
    const when = { now: env.now, zone: env.zone };
    const at = opts.at
      ? (await parseWhen(opts.at, { ...when, toward: 'past', flag: '--at' })).at
      : formatDateTime(env.now, env.zone);
    const next = opts.next
      ? (await parseWhen(opts.next, { ...when, toward: 'future', flag: '--next', anyDay: opts.past })).date
      : undefined;
    const plan = planLog(repo.around(target), target, {
      ...typed,
      at,
      next,
      turn: opts.turn,
      deal,
      isNew: opts.new,
      subject: opts.subject,
      handle: await currentHandle(env, repo),
      today: localDate(env.now, env.zone),
      ids: { entry: newId('entry'), conversation: newId('conversation') },
    });
    const path =
      plan.conversation?.path ??
      repo.newPath(`conversations/${at.slice(0, 4)}`, `${slugify(String(plan.fields!.subject))}-${at.slice(0, 10)}`);
    const commit = { summary: plan.summary, action: 'log' };
    if (plan.conversation) {
      await applyEdit(repo, path, { changes: plan.changes, body: (body) => insertEntry(body, plan.entry), ...commit });
    } else
      await repo.apply({
        writes: new Map([[path, renderFile(plan.fields!, insertEntry('', plan.entry))]]),
        refs: [path],
        ...commit,
      });
    const where = plan.conversation ? 'in' : 'in new conversation';
    const nextBy = plan.next ? `, next by ${plan.next}` : '';
    env.out.write(`logged ${plan.entry.type} ${where} ${quotePath(path)}: ${TURN_TEXT[plan.turn]}${nextBy}\n`);
    return { path, entry: plan.entry, turn: plan.turn, next: plan.next, created: !plan.conversation };
  });
}
