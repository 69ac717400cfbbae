// What is due: replies, nudges, promises, chases, reconnects and deals, each with its date.
// Pure: the repository and today come in.
import { lastDealActivity } from '../conversation/relations.js';
import { isOurs } from '../conversation/timeline.js';
import { UsageError } from '../model/errors.js';
import { entryMoments, isOpenDeal, latestEntry } from '../model/records.js';
import { indexRepo } from '../model/repo-index.js';
import type { Contact, Conversation, Deal, IsoDate, RepoData } from '../model/types.js';
import { plural } from '../model/text.js';
import { addBusinessDays, addDays, daysBetween } from '../time/calendar.js';
import { addDuration, parseDuration } from '../time/durations.js';
import { latestDayOf } from '../time/latest-day.js';
import { dayOf } from '../time/zone.js';
import { byUrgency } from './group.js';
import { settleItems } from './settle.js';

export type DueKind = 'reply' | 'nudge' | 'promise' | 'chase' | 'reconnect' | 'deal' | 'settle';

export interface DueItem {
  readonly kind: DueKind;
  readonly due: IsoDate;
  readonly overdue_days: number;
  readonly title: string;
  readonly detail?: string;
  readonly owner?: string;
  readonly conversation?: string;
  readonly contact?: string;
  readonly org?: string;
  readonly deal?: string;
  readonly promise?: string;
  /** Stable across runs: the calendar export's UID. */
  readonly uid: string;
}

function contactName(repo: RepoData, slug: string | undefined): string | undefined {
  return slug ? (indexRepo(repo).contacts.get(slug)?.name ?? slug) : undefined;
}

function counterpart(repo: RepoData, v: Conversation): string {
  return contactName(repo, v.participants[0]) ?? indexRepo(repo).orgs.get(v.org ?? '')?.name ?? v.subject;
}

function conversationItems(repo: RepoData, v: Conversation, today: IsoDate, zone?: string): DueItem[] {
  // most conversations of a large repository are closed: one without an open promise owes nothing
  if (v.turn === 'closed' && !v.promises.some((p) => p.state === 'open')) return [];
  const day = (at: string) => dayOf(at, zone);
  const f = repo.settings.followup;
  const who = counterpart(repo, v);
  const about = v.subject && v.subject !== who ? ` — ${v.subject}` : '';
  const index = indexRepo(repo);
  const owner = v.owner ?? index.deals.get(v.deal ?? '')?.owner ?? index.contacts.get(v.participants[0] ?? '')?.owner;
  const base = { owner, conversation: v.path, contact: v.participants[0], org: v.org, deal: v.deal };
  const items: DueItem[] = [];
  // a closed conversation owes no word, but a promise left open in it is still owed
  if (v.turn === 'closed') {
    // no reply or nudge
  } else if (v.turn === 'us') {
    const lastTheirs = latestEntry(v.entries, (e) => !isOurs(e.author));
    const due = v.next ?? (lastTheirs ? addBusinessDays(day(lastTheirs.at), f.reply_days, f) : today);
    // answer whoever spoke last, not just the first participant
    const to = (lastTheirs && contactName(repo, lastTheirs.author)) ?? who;
    items.push({ ...base, kind: 'reply', due, overdue_days: 0, title: `reply to ${to}${about}`, uid: `reply-${v.id}` });
  } else {
    const lastOurs = latestEntry(v.entries, (e) => isOurs(e.author));
    const since = lastOurs ? day(lastOurs.at) : (v.created ?? today);
    const due = v.next ?? addDays(since, f.nudge_days);
    const silent = daysBetween(since, today);
    items.push({
      ...base,
      kind: 'nudge',
      due,
      overdue_days: 0,
      title: `nudge ${who}${about}${silent > 0 ? ` (silent ${plural(silent, 'day')})` : ''}`,
      uid: `nudge-${v.id}`,
    });
  }
  for (const p of v.promises) {
    if (p.state !== 'open') continue;
    const item = { ...base, due: p.due, overdue_days: 0, promise: p.id };
    if (p.from === 'us')
      items.push({ ...item, kind: 'promise', title: `${p.what} (promised to ${who})`, uid: `promise-${v.id}-${p.id}` });
    // their promises are only ours to act on once they are late
    else if (p.due <= today)
      items.push({
        ...item,
        kind: 'chase',
        title: `chase ${contactName(repo, p.who) ?? who}: ${p.what}`,
        uid: `chase-${v.id}-${p.id}`,
      });
  }
  return items;
}

function reconnectItem(repo: RepoData, c: Contact, zone?: string): DueItem | undefined {
  if (!c.cadence) return undefined;
  const every = parseDuration(c.cadence);
  if (!every) return undefined;
  const last = latestDayOf(entryMoments(indexRepo(repo).byParticipant.get(c.slug) ?? []), zone) ?? c.created;
  if (!last) return undefined;
  return {
    kind: 'reconnect',
    due: addDuration(last, every),
    overdue_days: 0,
    owner: c.owner,
    contact: c.slug,
    org: c.org,
    title: `reconnect with ${c.name} (every ${c.cadence}, last ${last})`,
    uid: `reconnect-${c.id}`,
  };
}

function dealItem(repo: RepoData, d: Deal, today: IsoDate, zone?: string): DueItem | undefined {
  if (!isOpenDeal(d)) return undefined;
  const base = {
    kind: 'deal' as const,
    overdue_days: 0,
    owner: d.owner,
    org: d.org,
    deal: d.slug,
    uid: `deal-${d.id}`,
  };
  if (d.close && d.close < today) return { ...base, due: d.close, title: `${d.title}: past its close date ${d.close}` };
  const last = lastDealActivity(repo, d, zone);
  if (!last) return undefined;
  const stale = addDays(last, repo.settings.followup.stale_days);
  const close = d.close && d.close < stale ? d.close : undefined;
  if (close) return { ...base, due: close, title: `${d.title}: closes ${close}` };
  return { ...base, due: stale, title: `${d.title}: no activity since ${last}` };
}

/** Everything due up to `within` days from today (overdue items always), most urgent first. */
export function dueItems(repo: RepoData, opts: { today: IsoDate; within?: number; zone?: string }): DueItem[] {
  return withinHorizon(allDueItems(repo, opts), opts.today, opts.within);
}

/** Everything due, however far ahead, most urgent first: what a day's due list is narrowed from. */
export function allDueItems(repo: RepoData, opts: { today: IsoDate; zone?: string }): DueItem[] {
  const all = [
    ...repo.conversations.flatMap((v) => conversationItems(repo, v, opts.today, opts.zone)),
    ...repo.contacts.map((c) => reconnectItem(repo, c, opts.zone)),
    ...repo.deals.map((d) => dealItem(repo, d, opts.today, opts.zone)),
    ...settleItems(repo, opts.today),
  ].filter((i): i is DueItem => i !== undefined);
  return all.map((i) => ({ ...i, overdue_days: Math.max(0, daysBetween(i.due, opts.today)) })).sort(byUrgency);
}

/** The items due up to `within` days from today (14 unless given; overdue items always), in their order. */
export function withinHorizon(items: readonly DueItem[], today: IsoDate, within = 14): DueItem[] {
  return Number.isFinite(within) ? items.filter((i) => daysBetween(today, i.due) <= within) : [...items];
}

/** "14d" -> 14 days; "2w" -> 14; "1m" counts as 31 so a month ahead is always included. */
export function horizonDays(text: string | undefined): number {
  if (!text) return 14;
  const d = parseDuration(text);
  if (!d) throw new UsageError(`cannot read the period "${text}"`, 'e.g. --within 7d, 2w, 1m');
  return (d.days ?? 0) + (d.months ?? 0) * 31;
}
