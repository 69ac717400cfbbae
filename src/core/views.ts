// The JSON shapes of records as scripts see them: stable, snake_case, documented in the
// README; not the internal objects. Also the relations a card shows. Pure.
import { sortedEntries } from './timeline.js';
import type { AnyRecord, Contact, Conversation, Deal, Entry, Org, RepoData } from './types.js';

export function entryJson(e: Entry) {
  return {
    id: e.id, at: e.at, type: e.type, author: e.author,
    ...(e.meta['message-id'] ? { message_id: e.meta['message-id'] } : {}),
    ...(Object.keys(e.meta).length ? { headers: e.meta } : {}),
    text: e.text,
  };
}

const common = (r: AnyRecord) => ({ kind: r.kind, id: r.id, slug: r.slug, path: r.path, tags: r.tags, owner: r.owner ?? null, created: r.created ?? null });

export function contactJson(c: Contact) {
  return { ...common(c), name: c.name, emails: c.emails, phones: c.phones, org: c.org ?? null, title: c.title ?? null, cadence: c.cadence ?? null, referred_by: c.referred_by ?? null };
}

export function orgJson(o: Org) {
  return { ...common(o), name: o.name, domains: o.domains };
}

export function dealJson(d: Deal) {
  return {
    ...common(d), title: d.title, org: d.org ?? null, contacts: d.contacts, stage: d.stage, history: d.history,
    amount: d.amount ?? null, currency: d.currency ?? null, probability: d.probability ?? null, close: d.close ?? null,
    source: d.source ?? null, referred_by: d.referred_by ?? null, lost_reason: d.lost_reason ?? null,
  };
}

export function conversationJson(v: Conversation, withEntries = true) {
  const entries = sortedEntries(v.entries);
  const last = entries.at(-1);
  return {
    ...common(v), subject: v.subject, participants: v.participants, org: v.org ?? null, deal: v.deal ?? null,
    turn: v.turn, next: v.next ?? null, promises: v.promises, last_entry: last ? { at: last.at, type: last.type, author: last.author } : null,
    ...(withEntries ? { entries: entries.map(entryJson) } : {}),
  };
}

export function recordJson(r: AnyRecord, withEntries = true) {
  switch (r.kind) {
    case 'contact': return contactJson(r);
    case 'org': return orgJson(r);
    case 'deal': return dealJson(r);
    case 'conversation': return conversationJson(r, withEntries);
  }
}

/** Conversations that involve a record: as participant, org or deal. */
export function conversationsOf(repo: RepoData, r: AnyRecord): Conversation[] {
  const hits = repo.conversations.filter((v) => {
    switch (r.kind) {
      case 'contact': return v.participants.includes(r.slug);
      case 'org': return v.org === r.slug || v.participants.some((p) => repo.contacts.find((c) => c.slug === p)?.org === r.slug);
      case 'deal': return v.deal === r.slug;
      case 'conversation': return false;
    }
  });
  return hits.sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)));
}

export function dealsOf(repo: RepoData, r: AnyRecord): Deal[] {
  if (r.kind === 'org') return repo.deals.filter((d) => d.org === r.slug);
  if (r.kind === 'contact') return repo.deals.filter((d) => d.contacts.includes(r.slug) || (r.org !== undefined && d.org === r.org && d.contacts.length === 0));
  return [];
}

/** The date-time of a conversation's latest entry, or its created date. */
export function lastActivity(v: Conversation): string {
  return sortedEntries(v.entries).at(-1)?.at ?? v.created ?? '';
}

/** Open conversations (not closed) with someone, newest activity first. */
export function openConversations(repo: RepoData, r: AnyRecord): Conversation[] {
  return conversationsOf(repo, r).filter((v) => v.turn !== 'closed');
}
