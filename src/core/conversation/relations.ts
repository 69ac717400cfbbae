// How conversations relate to the people, orgs and deals they involve: which ones a record
// has, which open one a reference means, and how a new one starts. Pure.
import { UsageError } from '../model/errors.js';
import { describeRecord, isOpenDeal, lastActivity } from '../model/records.js';
import { indexRepo } from '../model/repo-index.js';
import type { AnyRecord, Conversation, Deal, IsoDate, RepoData } from '../model/types.js';

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
  const latest = new Map((hits ?? []).map((v) => [v, lastActivity(v)]));
  return [...latest.keys()].sort((a, b) => latest.get(b)!.localeCompare(latest.get(a)!));
}

/** Open conversations (not closed) with someone, newest activity first. */
function openConversations(data: RepoData, r: AnyRecord): Conversation[] {
  return conversationsOf(data, r).filter((v) => v.turn !== 'closed');
}

export function dealsOf(data: RepoData, r: AnyRecord): Deal[] {
  if (r.kind === 'org') return data.deals.filter((d) => d.org === r.slug);
  if (r.kind === 'contact') {
    return data.deals.filter(
      (d) => d.contacts.includes(r.slug) || (r.org !== undefined && d.org === r.org && !d.contacts.length),
    );
  }
  return [];
}

/** The open deals of an org: with exactly one, a new conversation with the org is about it. */
function openDealsOf(data: RepoData, org: string | undefined): Deal[] {
  return org === undefined ? [] : data.deals.filter((d) => d.org === org && isOpenDeal(d));
}

/** The latest day anything happened on a deal: a stage change or an entry in its conversations. */
export function lastDealActivity(data: RepoData, d: Deal): IsoDate | undefined {
  const days = [
    ...d.history.map((h) => h.at),
    ...(d.created ? [d.created] : []),
    ...(indexRepo(data).byDeal.get(d.slug) ?? []).flatMap((v) => v.entries.map((e) => e.at.slice(0, 10))),
  ].sort();
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
      `no open conversation with ${target.slug}`,
      `start one with \`kith log ${target.slug} "..."\``,
    );
  }
  const list = open.map((v) => `  ${describeRecord(v)}`).join('\n');
  throw new UsageError(
    `${target.slug} has ${open.length} open conversations:\n${list}`,
    'name the conversation by its slug',
  );
}

/** The conversation `kith log` adds to: the one named, else the newest open one (with the deal). */
export function conversationToLog(data: RepoData, target: AnyRecord, opts: { deal?: string; isNew?: boolean }) {
  if (opts.isNew) return undefined;
  if (target.kind === 'conversation') return target;
  return openConversations(data, target).find((v) => !opts.deal || v.deal === opts.deal);
}
