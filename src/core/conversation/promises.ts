// Promises in a conversation: finding one by id or text, and the new `promises:` list after
// one of them changes. Lists are rewritten from the file's own data, so unknown keys stay.
import { patchListItems, type RawItem } from '../model/records.js';
import type { Conversation, Promise_, RepoData } from '../model/types.js';

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
export function matchOpenPromises(data: RepoData, fragment: string): FoundPromise[] {
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
