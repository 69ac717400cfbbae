// Promises in a conversation: finding one by id or text, and the new `promises:` list after
// one of them changes. Lists are rewritten from the file's own data, so unknown keys stay.
import { UsageError } from '../model/errors.js';
import { quotePath, terminalSafe } from '../model/terminal.js';
import { patchListItems, type RawItem } from '../model/records.js';
import { resolveRef } from '../model/resolve.js';
import type { Conversation, IsoDate, Promise_, RepoData } from '../model/types.js';
import { pickConversation } from './relations.js';

export interface FoundPromise {
  readonly conversation: Conversation;
  readonly promise: Promise_;
}

/** Finds a promise by its id anywhere in the repository. */
export function findPromise(data: RepoData, id: string): FoundPromise | undefined {
  for (const conversation of data.conversations) {
    const promise = conversation.promises.find((p) => p.id === id);
    if (promise) return { conversation, promise };
  }
  return undefined;
}

/** Open promises whose text contains a fragment ("revised quote"). */
function matchOpenPromises(data: RepoData, fragment: string): FoundPromise[] {
  const needle = fragment.trim().toLowerCase();
  if (!needle) return [];
  return data.conversations.flatMap((conversation) =>
    conversation.promises
      .filter((p) => p.state === 'open' && p.what.toLowerCase().includes(needle))
      .map((promise) => ({ conversation, promise })),
  );
}

/** The conversation's `promises:` list with one promise changed. */
export function patchPromise(v: Conversation, id: string, patch: RawItem): RawItem[] {
  return patchListItems(v, 'promises', (p) => p.id === id, patch);
}

/** The `promises:` list with one more promise at its end. */
export function withPromise(v: Conversation, promise: RawItem): RawItem[] {
  return [...((v.data.promises as RawItem[] | undefined) ?? []), promise];
}

/** The promise meant: by id, by a fragment of its text, or the one open promise of a conversation. */
export function promiseFor(data: RepoData, ref: string): FoundPromise {
  const byId = findPromise(data, ref.trim().toLowerCase());
  if (byId) return byId;
  const byText = matchOpenPromises(data, ref);
  if (byText.length > 1) {
    const list = byText.map(({ promise: p, conversation: v }) => `  ${p.id}  ${p.what} (by ${p.due}, ${v.path})`);
    throw new UsageError(
      `"${ref}" matches ${byText.length} open promises:\n${list.join('\n')}`,
      'name the promise by its id',
    );
  }
  if (byText.length === 1) return byText[0]!;
  const conversation = pickConversation(data, resolveRef(data, ref));
  const open = conversation.promises.filter((p) => p.state === 'open');
  if (open.length === 1) return { conversation, promise: open[0]! };
  if (!open.length)
    throw new UsageError(
      `no open promise in ${quotePath(conversation.path)}`,
      'kith promise REF "what" --by WHEN records one',
    );
  const list = open.map((p) => `  ${p.id}  ${terminalSafe(p.what)} (by ${p.due})`).join('\n');
  throw new UsageError(
    `${quotePath(conversation.path)} has ${open.length} open promises:\n${list}`,
    'name the promise by its id: kith done p-...',
  );
}

/** Marks an open promise kept or broken on `today`: the conversation's new `promises:` and the commit summary. */
export function settlePromise(found: FoundPromise, broken: boolean, today: IsoDate) {
  const { conversation, promise } = found;
  if (promise.state !== 'open') {
    throw new UsageError(
      `promise ${promise.id} is already ${promise.state}${promise.closed ? ` (${promise.closed})` : ''}`,
    );
  }
  const state = broken ? 'broken' : 'kept';
  return {
    promise: { ...promise, state, closed: today },
    changes: { promises: patchPromise(conversation, promise.id, { state, closed: today }) },
    summary: `${broken ? 'break' : 'keep'} promise: ${promise.what}`,
  };
}

/** What closing a conversation does to its open promises: they stay open (and due), or are dropped. */
export type OpenPromises = 'keep' | 'drop';

/** The changes that close a conversation; its open promises need a choice, they never vanish silently. */
export function planClose(v: Conversation, opts: { reason?: string; promises?: OpenPromises; today: IsoDate }) {
  const open = v.promises.filter((p) => p.state === 'open');
  if (open.length && !opts.promises) {
    const list = open.map(
      (p) => `  ${p.id}  ${p.from === 'us' ? 'we' : 'they'} promised: ${terminalSafe(p.what)} (by ${p.due})`,
    );
    throw new UsageError(
      `${quotePath(v.path)} has ${open.length === 1 ? 'an open promise' : `${open.length} open promises`}:\n` +
        list.join('\n'),
      'keep them open (they stay in kith due) with --keep-promises, or give them up with --drop-promises',
    );
  }
  const changes: Record<string, unknown> = { turn: 'closed', next: undefined, closed_reason: opts.reason };
  if (open.length && opts.promises === 'drop') {
    changes.promises = patchListItems(v, 'promises', (p) => p.state === undefined || p.state === 'open', {
      state: 'dropped',
      closed: opts.today,
    });
  }
  return { changes, open, summary: `close ${v.subject}${opts.reason ? `: ${opts.reason}` : ''}` };
}
