// The JSON shapes of records as scripts see them: stable, snake_case, documented in the
// README; not the internal objects. Pure.
import { sortedEntries } from '../../core/conversation/index.js';
import type { AnyRecord, Contact, Conversation, Deal, Entry, Org } from '../../core/model/index.js';

function entryJson(e: Entry) {
  return {
    id: e.id,
    at: e.at,
    type: e.type,
    author: e.author,
    ...(e.meta['message-id'] ? { message_id: e.meta['message-id'] } : {}),
    ...(Object.keys(e.meta).length ? { headers: e.meta } : {}),
    text: e.text,
  };
}

const common = (r: AnyRecord) => ({
  kind: r.kind,
  id: r.id,
  slug: r.slug,
  path: r.path,
  tags: r.tags,
  owner: r.owner ?? null,
  created: r.created ?? null,
});

function contactJson(c: Contact) {
  return {
    ...common(c),
    name: c.name,
    emails: c.emails,
    phones: c.phones,
    org: c.org ?? null,
    title: c.title ?? null,
    cadence: c.cadence ?? null,
    referred_by: c.referred_by ?? null,
  };
}

function orgJson(o: Org) {
  return { ...common(o), name: o.name, domains: o.domains };
}

export function dealJson(d: Deal) {
  return {
    ...common(d),
    title: d.title,
    org: d.org ?? null,
    contacts: d.contacts,
    stage: d.stage,
    history: d.history,
    amount: d.amount ?? null,
    currency: d.currency ?? null,
    probability: d.probability ?? null,
    close: d.close ?? null,
    source: d.source ?? null,
    referred_by: d.referred_by ?? null,
    lost_reason: d.lost_reason ?? null,
  };
}

export function conversationJson(v: Conversation, withEntries = true) {
  const entries = sortedEntries(v.entries);
  const last = entries.at(-1);
  return {
    ...common(v),
    subject: v.subject,
    participants: v.participants,
    org: v.org ?? null,
    deal: v.deal ?? null,
    turn: v.turn,
    next: v.next ?? null,
    promises: v.promises,
    last_entry: last ? { at: last.at, type: last.type, author: last.author } : null,
    ...(withEntries ? { entries: entries.map(entryJson) } : {}),
  };
}

export function recordJson(r: AnyRecord, withEntries = true) {
  switch (r.kind) {
    case 'contact':
      return contactJson(r);
    case 'org':
      return orgJson(r);
    case 'deal':
      return dealJson(r);
    case 'conversation':
      return conversationJson(r, withEntries);
  }
}
