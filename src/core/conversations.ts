// Which conversation a reference means, and how a new one starts. Pure.
import { UsageError } from './errors.js';
import { describeRecord } from './resolve.js';
import type { AnyRecord, Conversation, Promise_, RepoData } from './types.js';
import { openConversations } from './views.js';

/** Where a new conversation with this record starts: its people, org, deal and subject. */
export function newConversationFields(data: RepoData, target: AnyRecord, deal: string | undefined) {
  const openDeals = (org?: string) => data.deals.filter((d) => d.org === org && d.stage !== 'won' && d.stage !== 'lost');
  switch (target.kind) {
    case 'contact': {
      const only = openDeals(target.org);
      return { participants: [target.slug], org: target.org, deal: deal ?? (only.length === 1 ? only[0]!.slug : undefined), subject: target.name };
    }
    case 'org': {
      const only = openDeals(target.slug);
      return { participants: [], org: target.slug, deal: deal ?? (only.length === 1 ? only[0]!.slug : undefined), subject: target.name };
    }
    case 'deal':
      return { participants: [...target.contacts], org: target.org, deal: target.slug, subject: target.title };
    case 'conversation':
      return { participants: [...target.participants], org: target.org, deal: deal ?? target.deal, subject: target.subject };
  }
}

/** The one open conversation a reference means; several are listed, none is an error. */
export function pickConversation(data: RepoData, target: AnyRecord): Conversation {
  if (target.kind === 'conversation') return target;
  const open = openConversations(data, target);
  if (open.length === 1) return open[0]!;
  if (!open.length) throw new UsageError(`no open conversation with ${target.slug}`, `start one with \`kith log ${target.slug} "..."\``);
  throw new UsageError(`${target.slug} has ${open.length} open conversations:\n${open.map((v) => `  ${describeRecord(v)}`).join('\n')}`, 'name the conversation by its slug');
}

/** Finds a promise by its id anywhere in the repository. */
export function findPromise(data: RepoData, id: string): { conversation: Conversation; promise: Promise_ } | undefined {
  for (const conversation of data.conversations) {
    const promise = conversation.promises.find((p) => p.id === id);
    if (promise) return { conversation, promise };
  }
  return undefined;
}

/** Open promises whose text contains a fragment ("revised quote"). */
export function matchOpenPromises(data: RepoData, fragment: string): { conversation: Conversation; promise: Promise_ }[] {
  const needle = fragment.trim().toLowerCase();
  if (!needle) return [];
  return data.conversations.flatMap((conversation) => conversation.promises
    .filter((p) => p.state === 'open' && p.what.toLowerCase().includes(needle))
    .map((promise) => ({ conversation, promise })));
}
