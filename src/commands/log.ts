// `kith log REF TEXT`: appends an entry to the open conversation with someone, or starts one.
import { formatDateTime, localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { afterEntry } from '../core/follow-ups.js';
import { newId } from '../core/ids.js';
import { resolveRef } from '../core/resolve.js';
import { slugify } from '../core/text.js';
import { appendEntry } from '../core/timeline.js';
import { ENTRY_TYPES, type Conversation, type Entry, type EntryType, type Turn } from '../core/types.js';
import { newConversationFields } from '../core/conversations.js';
import { openConversations } from '../core/views.js';
import { parseWhen } from '../core/when.js';
import { editFile, parseFile, renderFile } from '../store/front-matter.js';
import { freePath, recordPaths } from '../store/repo.js';
import { applyChange, currentHandle } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface LogOptions {
  readonly ref: string;
  readonly text: string;
  readonly type?: EntryType;
  readonly at?: string;
  readonly next?: string;
  readonly turn?: Turn;
  readonly deal?: string;
  readonly new?: boolean;
  readonly subject?: string;
}

/** "call: wants SSO pricing" -> a call whose text is "wants SSO pricing". */
export function splitTypePrefix(text: string): { type?: EntryType; text: string } {
  const m = /^\s*(call|meeting|note|mail)\s*:\s*/i.exec(text);
  return m ? { type: m[1]!.toLowerCase() as EntryType, text: text.slice(m[0].length) } : { text };
}

export async function run(opts: LogOptions, env: Env) {
  const repo = openRepo(env);
  const { data } = repo;
  const text = splitTypePrefix(opts.text);
  const type = opts.type ?? text.type ?? 'note';
  if (!ENTRY_TYPES.includes(type)) throw new UsageError(`unknown entry type "${type}"`, `one of ${ENTRY_TYPES.join(', ')}`);
  if (!text.text.trim()) throw new UsageError('nothing to log: the text is empty');
  const target = resolveRef(data, opts.ref);
  const deal = opts.deal ? resolveRef(data, opts.deal, ['deal']).slug : undefined;
  const when = { now: env.now, zone: env.zone };
  const at = opts.at ? (await parseWhen(opts.at, { ...when, forward: false })).at : formatDateTime(env.now, env.zone);
  const next = opts.next ? (await parseWhen(opts.next, { ...when, forward: true })).date : undefined;
  const handle = await currentHandle(env, repo.root, data.settings);
  const today = localDate(env.now, env.zone);

  let conversation: Conversation | undefined;
  if (target.kind === 'conversation' && !opts.new) conversation = target;
  else if (!opts.new) conversation = openConversations(data, target).find((v) => !deal || v.deal === deal);

  const entry: Omit<Entry, 'line'> = { id: newId('entry'), at, type, author: `@${handle}`, meta: {}, text: text.text.trim() };
  const state = conversation ? { turn: conversation.turn, next: conversation.next } : { turn: 'us' as Turn };
  const flow = afterEntry(state, { type, ours: true, date: at.slice(0, 10) }, { turn: opts.turn, next, today, followup: data.settings.followup });
  let path: string;
  let fileText: string;
  if (conversation) {
    path = conversation.path;
    const original = repo.texts.get(path)!;
    const parsed = parseFile(original, path);
    const changes: Record<string, unknown> = { turn: flow.turn, next: flow.next };
    if (deal && conversation.deal !== deal) changes.deal = deal;
    const edited = editFile(original, parsed, changes);
    const reparsed = parseFile(edited, path);
    fileText = edited.slice(0, edited.length - reparsed.body.length) + appendEntry(reparsed.body, entry);
  } else {
    const fields = newConversationFields(data, target, deal);
    const subject = opts.subject ?? fields.subject;
    path = freePath(repo.root, recordPaths(data), `conversations/${at.slice(0, 4)}`, `${slugify(subject)}-${at.slice(0, 10)}`);
    fileText = renderFile({
      id: newId('conversation'), subject, participants: fields.participants, org: fields.org, deal: fields.deal,
      owner: handle, turn: flow.turn, next: flow.next, created: at.slice(0, 10),
    }, appendEntry('', entry));
  }
  const who = target.kind === 'contact' ? target.name : target.kind === 'org' ? target.name : target.kind === 'deal' ? target.title : target.subject;
  const context = conversation?.subject && conversation.subject !== who ? ` (${conversation.subject})` : '';
  const verb = type === 'note' ? 'note on' : `${type} with`;
  await applyChange(repo.root, {
    writes: new Map([[path, fileText]]), summary: `log ${verb} ${who}${context}`, action: 'log', refs: [path],
  });
  const turnText = flow.turn === 'us' ? 'our turn' : flow.turn === 'them' ? 'their turn' : 'closed';
  env.out.write(`logged ${type} ${conversation ? 'in' : 'in new conversation'} ${path}: ${turnText}${flow.next ? `, next by ${flow.next}` : ''}\n`);
  return { path, entry, turn: flow.turn, next: flow.next, created: !conversation, who: clean(who) };
}
