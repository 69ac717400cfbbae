// How conversations relate to the people, orgs and deals they involve: which ones a record
// has, which open one a reference means, and how a new one starts. Pure.
import { UsageError } from '../model/errors.js';
import { describeRecord, entryMoments, isOpenDeal, lastActivity, newestFirst } from '../model/records.js';
import { quotePath } from '../model/terminal.js';
import { indexRepo } from '../model/repo-index.js';
import { latestDayOf } from '../time/latest-day.js';
import type {
  AnyRecord,
  Contact,
  Conversation,
  ConversationLinks,
  Deal,
  IsoDate,
  Promise_,
  RecordKey,
  RepoData,
} from '../model/types.js';

/** Conversations that involve a record (as participant, org or deal), newest activity first. */
export function conversationsOf(data: RepoData, r: AnyRecord): Conversation[] {
  const index = indexRepo(data);
  const hits =
    r.kind === 'contact'
      ? index.byParticipant.get(r.slug)
      : r.kind === 'org'
        ? index.byOrg.get(r.slug)
        : r.kind === 'deal'
          ? index.byDeal.get(r.slug)
          : undefined;
  return newestFirst(hits ?? [], lastActivity);
}

/** Open conversations (not closed) with someone, newest activity first. */
function openConversations(data: RepoData, r: AnyRecord): Conversation[] {
  return conversationsOf(data, r).filter((v) => v.turn !== 'closed');
}

/**
 * Where the store keeps keys: those of the conversations that may be open with a record (a few,
 * each then read alone, for `openConversations` to choose from); undefined where it keeps none.
 */
export function openConversationKeys(data: RepoData, r: AnyRecord): RecordKey[] | undefined {
  if (!data.keys || r.kind === 'conversation') return undefined;
  const people = new Set(r.kind === 'org' ? (indexRepo(data).contactsByOrg.get(r.slug) ?? []).map((c) => c.slug) : []);
  const about = ({ participants, org, deal }: ConversationLinks) =>
    r.kind === 'contact'
      ? participants.includes(r.slug)
      : r.kind === 'deal'
        ? deal === r.slug
        : org === r.slug || participants.some((p) => people.has(p));
  // a key that does not say is kept: the record read whole decides
  return data.keys('conversation').filter((k) => !k.about || (k.about.open && about(k.about)));
}

export function dealsOf(data: RepoData, r: AnyRecord): Deal[] {
  if (r.kind === 'org') return [...(indexRepo(data).dealsByOrg.get(r.slug) ?? [])];
  if (r.kind === 'contact') {
    return data.deals.filter(
      (d) => d.contacts.includes(r.slug) || (r.org !== undefined && d.org === r.org && !d.contacts.length),
    );
  }
  return [];
}

/** The open deals of an org: with exactly one, a new conversation with the org is about it. */
function openDealsOf(data: RepoData, org: string | undefined): Deal[] {
  return org === undefined ? [] : (indexRepo(data).dealsByOrg.get(org) ?? []).filter(isOpenDeal);
}

/** The latest day anything happened on a deal: a stage change or an entry in its conversations. */
export function lastDealActivity(data: RepoData, d: Deal, zone?: string): IsoDate | undefined {
  const said = latestDayOf(entryMoments(indexRepo(data).byDeal.get(d.slug) ?? []), zone);
  const days = [...d.history.map((h) => h.at), ...(d.created ? [d.created] : []), ...(said ? [said] : [])].sort();
  return days.at(-1);
}

/** Where a new conversation with this record starts: its people, org, deal and subject. */
export function newConversationFields(data: RepoData, target: AnyRecord, deal: string | undefined) {
  const only = (org: string | undefined) => {
    const open = openDealsOf(data, org);
    return open.length === 1 ? open[0]!.slug : undefined;
  };
  switch (target.kind) {
    case 'contact':
      return { participants: [target.slug], org: target.org, deal: deal ?? only(target.org), subject: target.name };
    case 'org':
      return { participants: [], org: target.slug, deal: deal ?? only(target.slug), subject: target.name };
    case 'deal':
      return { participants: [...target.contacts], org: target.org, deal: target.slug, subject: target.title };
    case 'conversation':
      return {
        participants: [...target.participants],
        org: target.org,
        deal: deal ?? target.deal,
        subject: target.subject,
      };
  }
}

/** The one open conversation a reference means; several are listed, none is an error. */
export function pickConversation(data: RepoData, target: AnyRecord): Conversation {
  if (target.kind === 'conversation') return target;
  const open = openConversations(data, target);
  if (open.length === 1) return open[0]!;
  if (!open.length) {
    throw new UsageError(
      `no open conversation with ${quotePath(target.slug)}`,
      `start one with \`kith log ${quotePath(target.slug)} "..."\``,
    );
  }
  const list = open.map((v) => `  ${describeRecord(v)}`).join('\n');
  throw new UsageError(
    `${quotePath(target.slug)} has ${open.length} open conversations:\n${list}`,
    'name the conversation by its slug',
  );
}

/**
 * The conversation `kith log` adds to: the one named, else the one open (with the deal); none
 * starts a new one. Several open: refused with the list, as promise does, never a guess.
 */
export function conversationToLog(data: RepoData, target: AnyRecord, opts: { deal?: string; isNew?: boolean }) {
  if (opts.isNew) return undefined;
  if (target.kind === 'conversation') return target;
  const open = openConversations(data, target).filter((v) => !opts.deal || v.deal === opts.deal);
  if (open.length <= 1) return open[0];
  const list = open.map((v) => `  ${describeRecord(v)}`).join('\n');
  throw new UsageError(
    `${quotePath(target.slug)} has ${open.length} open conversations:\n${list}`,
    'name the conversation by its slug, or start another with --new',
  );
}

/** Whom a contact referred: the contacts and deals whose referred_by names them. */
export function referralsOf(data: RepoData, c: Contact): { contacts: Contact[]; deals: Deal[] } {
  return {
    contacts: data.contacts.filter((x) => x.referred_by === c.slug),
    deals: data.deals.filter((d) => d.referred_by === c.slug),
  };
}

/** The open promises in a contact's conversations, ours to them and theirs to us, soonest first. */
export function openPromisesWith(data: RepoData, c: Contact): { promise: Promise_; conversation: Conversation }[] {
  return (indexRepo(data).byParticipant.get(c.slug) ?? [])
    .flatMap((v) => v.promises.filter((p) => p.state === 'open').map((promise) => ({ promise, conversation: v })))
    .sort((a, b) => a.promise.due.localeCompare(b.promise.due) || a.promise.id.localeCompare(b.promise.id));
}
