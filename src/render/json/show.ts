// `kith show --json`: a record with what its card shows (deals, conversations, people).
import { conversationsOf, dealsOf, openPromisesWith, referralsOf } from '../../core/conversation/index.js';
import { indexRepo, type AnyRecord, type Conversation, type RepoData } from '../../core/model/index.js';
import { conversationJson, dealJson, recordJson } from './records.js';

function summaryOf(v: Conversation) {
  const { entries: _entries, ...rest } = conversationJson(v);
  return rest;
}

export function showJson(data: RepoData, r: AnyRecord) {
  const base = recordJson(r);
  if (r.kind === 'conversation') return base;
  const related: Record<string, unknown> = {
    deals: dealsOf(data, r).map(dealJson),
    conversations: conversationsOf(data, r).map(summaryOf),
  };
  if (r.kind === 'org') related.people = (indexRepo(data).contactsByOrg.get(r.slug) ?? []).map((c) => recordJson(c));
  if (r.kind === 'contact') {
    const referred = referralsOf(data, r);
    related.referred = { contacts: referred.contacts.map((c) => c.slug), deals: referred.deals.map((d) => d.slug) };
    related.open_promises = openPromisesWith(data, r).map(({ promise, conversation }) => ({
      ...promise,
      conversation: conversation.path,
    }));
  }
  return { ...base, ...related };
}
