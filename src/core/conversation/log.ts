// What `kith log` does to the data: which conversation an entry goes into (or the new one it
// starts), the entry itself, and whose turn follows. Pure: ids, dates and the user come in.
import { KithError, UsageError } from '../model/errors.js';
import { typedName } from '../model/input.js';
import { quotePath } from '../model/terminal.js';
import { displayName, recordKeys } from '../model/records.js';
import {
  ENTRY_TYPES,
  type AnyRecord,
  type Conversation,
  type Entry,
  type EntryType,
  type IsoDate,
  type IsoDateTime,
  type RepoData,
  type Turn,
} from '../model/types.js';
import { conversationToLog, newConversationFields } from './relations.js';
import { afterEntry } from './turn.js';

/** "call: wants SSO pricing" -> a call whose text is "wants SSO pricing". */
function splitTypePrefix(text: string): { type?: EntryType; text: string } {
  const m = /^\s*(call|meeting|note|mail)\s*:\s*/i.exec(text);
  return m ? { type: m[1]!.toLowerCase() as EntryType, text: text.slice(m[0].length) } : { text };
}

/** The entry's type and text from what was typed: a "call:" prefix sets the type too. */
export function logText(typed: string, type?: EntryType): { type: EntryType; text: string } {
  const split = splitTypePrefix(typed);
  const chosen = type ?? split.type ?? 'note';
  if (!ENTRY_TYPES.includes(chosen))
    throw new UsageError(`unknown entry type "${chosen}"`, `one of ${ENTRY_TYPES.join(', ')}`);
  if (!split.text.trim()) throw new UsageError('nothing to log: the text is empty');
  return { type: chosen, text: split.text.trim() };
}

export interface LogInput {
  /** From logText. */
  readonly text: string;
  readonly type: EntryType;
  readonly at: IsoDateTime;
  readonly next?: IsoDate;
  readonly turn?: Turn;
  /** The deal slug to link, already resolved. */
  readonly deal?: string;
  readonly isNew?: boolean;
  readonly subject?: string;
  readonly handle: string;
  readonly today: IsoDate;
  readonly ids: { readonly entry: string; readonly conversation: string };
}

export interface LogPlan {
  readonly entry: Omit<Entry, 'line'>;
  readonly turn: Turn;
  readonly next?: IsoDate;
  /** The conversation the entry goes into; undefined when it starts a new one. */
  readonly conversation?: Conversation;
  /** Front matter changes of the existing conversation. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** Front matter of the new conversation. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** The commit's summary: "log call with Jane Doe (Acme renewal)". */
  readonly summary: string;
}

/**
 * Refuses to start a new conversation while one could not be read: it may be the one this
 * entry belongs in, and a second file beside it would split the timeline.
 */
function ensureNoneUnread(data: RepoData): void {
  const loaded = new Set(recordKeys(data, ['conversation']).map((v) => v.path));
  const unread = data.problems.find(
    (p) => p.severity === 'error' && p.file.startsWith('conversations/') && !loaded.has(p.file),
  );
  if (unread)
    throw new KithError(
      `${quotePath(unread.file)} cannot be read (line ${unread.line}: ${unread.message}); it may be the conversation ` +
        'this belongs in, so no new one is started',
      'fix it (`kith check` shows what is wrong), or pass --new to start a new conversation anyway',
    );
}

export function planLog(data: RepoData, target: AnyRecord, input: LogInput): LogPlan {
  const { type, text } = input;
  const conversation = conversationToLog(data, target, { deal: input.deal, isNew: input.isNew });
  if (!conversation && !input.isNew) ensureNoneUnread(data);
  const entry = { id: input.ids.entry, at: input.at, type, author: `@${input.handle}`, meta: {}, text };
  const state = conversation ? { turn: conversation.turn, next: conversation.next } : { turn: 'us' as Turn };
  const flow = afterEntry(
    state,
    { type, ours: true, date: input.at.slice(0, 10) },
    { turn: input.turn, next: input.next, today: input.today, followup: data.settings.followup },
  );
  const who = displayName(target);
  const context = conversation?.subject && conversation.subject !== who ? ` (${conversation.subject})` : '';
  const summary = `log ${type === 'note' ? 'note on' : `${type} with`} ${who}${context}`;
  if (conversation) {
    const changes: Record<string, unknown> = { turn: flow.turn, next: flow.next };
    if (input.deal && conversation.deal !== input.deal) changes.deal = input.deal;
    return { entry, ...flow, conversation, changes, summary };
  }
  const start = newConversationFields(data, target, input.deal);
  const fields = {
    id: input.ids.conversation,
    subject: input.subject === undefined ? start.subject : typedName(input.subject),
    participants: start.participants,
    org: start.org,
    deal: start.deal,
    owner: input.handle,
    turn: flow.turn,
    next: flow.next,
    created: input.at.slice(0, 10),
  };
  return { entry, ...flow, changes: {}, fields, summary };
}
