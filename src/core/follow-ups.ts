// The conversation loop's rules: whose turn it is after an entry, and what is due (replies,
// nudges, promises, chases, reconnects, deals). Pure: the repository and today come in.
import { addBusinessDays, addDays, addDuration, daysBetween, endOfWeek, parseDuration } from './dates.js';
import { instant, isOurs } from './timeline.js';
import type { Contact, Conversation, Deal, Entry, EntryType, FollowUpSettings, IsoDate, Problem, RepoData, Turn } from './types.js';

/**
 * Whose turn after an entry, and by when. A note from us changes nothing (it is a memo, not
 * a word to them); a call, meeting or mail from us hands the turn to them, with the nudge
 * interval; anything from them hands it to us, with the reply window in business days.
 * An explicit turn or next wins. A new entry in a closed conversation reopens it.
 */
export function afterEntry(
  state: { turn: Turn; next?: IsoDate },
  entry: { type: EntryType; ours: boolean; date: IsoDate },
  opts: { turn?: Turn; next?: IsoDate; today: IsoDate; followup: FollowUpSettings },
): { turn: Turn; next?: IsoDate } {
  const f = opts.followup;
  let turn: Turn;
  let next: IsoDate | undefined;
  if (!entry.ours) {
    turn = 'us';
    next = addBusinessDays(entry.date, f.reply_days, f);
  } else if (entry.type === 'note') {
    turn = state.turn === 'closed' ? 'us' : state.turn;
    next = state.turn === 'closed' ? opts.today : state.next;
  } else {
    turn = 'them';
    next = addDays(entry.date, f.nudge_days);
  }
  if (opts.turn && opts.turn !== turn) {
    turn = opts.turn;
    // a closed conversation waits for nobody: it has no next date
    next = turn === 'us' ? addBusinessDays(entry.date, f.reply_days, f) : turn === 'them' ? addDays(entry.date, f.nudge_days) : undefined;
  }
  return { turn, next: opts.next ?? next };
}

export type DueKind = 'reply' | 'nudge' | 'promise' | 'chase' | 'reconnect' | 'deal';

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

// Inside a day, what to do first: what we promised, then what they owe, then the rest.
const PRIORITY: Record<DueKind, number> = { promise: 0, chase: 1, reply: 2, nudge: 3, deal: 4, reconnect: 5 };
const CLOSED_STAGES = ['won', 'lost'];

/** Lookups by slug, built once per report: a repository can hold tens of thousands of records. */
export interface RepoIndex {
  readonly contacts: ReadonlyMap<string, Contact>;
  readonly orgs: ReadonlyMap<string, { name: string }>;
  readonly deals: ReadonlyMap<string, Deal>;
  readonly byParticipant: ReadonlyMap<string, readonly Conversation[]>;
  readonly byDeal: ReadonlyMap<string, readonly Conversation[]>;
}

const indexes = new WeakMap<RepoData, RepoIndex>();

export function indexRepo(repo: RepoData): RepoIndex {
  let index = indexes.get(repo);
  if (index) return index;
  const group = (key: (v: Conversation) => readonly (string | undefined)[]) => {
    const map = new Map<string, Conversation[]>();
    for (const v of repo.conversations) {
      for (const k of key(v)) {
        if (!k) continue;
        const list = map.get(k);
        if (list) list.push(v);
        else map.set(k, [v]);
      }
    }
    return map;
  };
  index = {
    contacts: new Map(repo.contacts.map((c) => [c.slug, c])),
    orgs: new Map(repo.orgs.map((o) => [o.slug, o])),
    deals: new Map(repo.deals.map((d) => [d.slug, d])),
    byParticipant: group((v) => v.participants),
    byDeal: group((v) => [v.deal]),
  };
  indexes.set(repo, index);
  return index;
}

function contactName(repo: RepoData, slug: string | undefined): string | undefined {
  return slug ? indexRepo(repo).contacts.get(slug)?.name ?? slug : undefined;
}

function counterpart(repo: RepoData, v: Conversation): string {
  return contactName(repo, v.participants[0]) ?? indexRepo(repo).orgs.get(v.org ?? '')?.name ?? v.subject;
}

const day = (at: string) => at.slice(0, 10);

/** The latest matching entry (the later one in the file on a tie), in one pass: no sort. */
function lastEntry(entries: readonly Entry[], keep: (e: Entry) => boolean): Entry | undefined {
  let best: Entry | undefined;
  let bestAt = -Infinity;
  for (const e of entries) {
    if (!keep(e)) continue;
    const t = instant(e.at);
    if (t > bestAt || (t === bestAt && best !== undefined && e.line >= best.line)) {
      best = e;
      bestAt = t;
    }
  }
  return best;
}

function conversationItems(repo: RepoData, v: Conversation, today: IsoDate): DueItem[] {
  if (v.turn === 'closed') return [];
  const f = repo.settings.followup;
  const who = counterpart(repo, v);
  const about = v.subject && v.subject !== who ? ` — ${v.subject}` : '';
  const index = indexRepo(repo);
  const owner = v.owner ?? index.deals.get(v.deal ?? '')?.owner ?? index.contacts.get(v.participants[0] ?? '')?.owner;
  const base = { owner, conversation: v.path, contact: v.participants[0], org: v.org, deal: v.deal };
  const items: DueItem[] = [];
  const lastTheirs = lastEntry(v.entries, (e) => !isOurs(e.author));
  const lastOurs = lastEntry(v.entries, (e) => isOurs(e.author));
  if (v.turn === 'us') {
    const due = v.next ?? (lastTheirs ? addBusinessDays(day(lastTheirs.at), f.reply_days, f) : today);
    // answer whoever spoke last, not just the first participant
    const to = (lastTheirs && contactName(repo, lastTheirs.author)) ?? who;
    items.push({ ...base, kind: 'reply', due, overdue_days: 0, title: `reply to ${to}${about}`, uid: `reply-${v.id}` });
  } else {
    const since = lastOurs ? day(lastOurs.at) : v.created ?? today;
    const due = v.next ?? addDays(since, f.nudge_days);
    const silent = daysBetween(since, today);
    items.push({ ...base, kind: 'nudge', due, overdue_days: 0, title: `nudge ${who}${about}${silent > 0 ? ` (silent ${silent} days)` : ''}`, uid: `nudge-${v.id}` });
  }
  for (const p of v.promises) {
    if (p.state !== 'open') continue;
    const item = { ...base, due: p.due, overdue_days: 0, promise: p.id };
    if (p.from === 'us') items.push({ ...item, kind: 'promise', title: `${p.what} (promised to ${who})`, uid: `promise-${v.id}-${p.id}` });
    // their promises are only ours to act on once they are late
    else if (p.due <= today) items.push({ ...item, kind: 'chase', title: `chase ${contactName(repo, p.who) ?? who}: ${p.what}`, uid: `chase-${v.id}-${p.id}` });
  }
  return items;
}

function reconnectItem(repo: RepoData, c: Contact): DueItem | undefined {
  if (!c.cadence) return undefined;
  const every = parseDuration(c.cadence);
  if (!every) return undefined;
  const last = (indexRepo(repo).byParticipant.get(c.slug) ?? [])
    .flatMap((v) => v.entries.map((e) => day(e.at)))
    .sort()
    .at(-1) ?? c.created;
  if (!last) return undefined;
  return {
    kind: 'reconnect', due: addDuration(last, every), overdue_days: 0, owner: c.owner, contact: c.slug, org: c.org,
    title: `reconnect with ${c.name} (every ${c.cadence}, last ${last})`, uid: `reconnect-${c.id}`,
  };
}

/** A cadence `kith due` cannot read would silently never remind anyone: report it instead. */
export function checkCadences(repo: RepoData): Problem[] {
  return repo.contacts
    .filter((c) => c.cadence !== undefined && !parseDuration(c.cadence))
    .map((c) => ({
      file: c.path, line: c.fieldLines.cadence ?? 2, col: 1, severity: 'error' as const,
      message: `cadence "${c.cadence}" is not a duration`, hint: 'write 30d, 6w, 3m, 1y, weekly, monthly, quarterly or yearly',
    }));
}

/** The latest day anything happened on a deal: a stage change or an entry in its conversations. */
export function lastDealActivity(repo: RepoData, d: Deal): IsoDate | undefined {
  const days = [
    ...d.history.map((h) => h.at),
    ...(d.created ? [d.created] : []),
    ...(indexRepo(repo).byDeal.get(d.slug) ?? []).flatMap((v) => v.entries.map((e) => day(e.at))),
  ].sort();
  return days.at(-1);
}

function dealItem(repo: RepoData, d: Deal, today: IsoDate): DueItem | undefined {
  if (CLOSED_STAGES.includes(d.stage)) return undefined;
  const base = { kind: 'deal' as const, overdue_days: 0, owner: d.owner, org: d.org, deal: d.slug, uid: `deal-${d.id}` };
  if (d.close && d.close < today) return { ...base, due: d.close, title: `${d.title}: past its close date ${d.close}` };
  const last = lastDealActivity(repo, d);
  if (!last) return undefined;
  const stale = addDays(last, repo.settings.followup.stale_days);
  const close = d.close && d.close < stale ? d.close : undefined;
  if (close) return { ...base, due: close, title: `${d.title}: closes ${close}` };
  return { ...base, due: stale, title: `${d.title}: no activity since ${last}` };
}

/** Everything due up to `within` days from today (overdue items always), most urgent first. */
export function dueItems(repo: RepoData, opts: { today: IsoDate; within?: number }): DueItem[] {
  const horizon = opts.within === undefined ? 14 : opts.within;
  const all = [
    ...repo.conversations.flatMap((v) => conversationItems(repo, v, opts.today)),
    ...repo.contacts.map((c) => reconnectItem(repo, c)),
    ...repo.deals.map((d) => dealItem(repo, d, opts.today)),
  ].filter((i): i is DueItem => i !== undefined);
  return all
    .map((i) => ({ ...i, overdue_days: Math.max(0, daysBetween(i.due, opts.today)) }))
    .filter((i) => !Number.isFinite(horizon) || daysBetween(opts.today, i.due) <= horizon)
    .sort(byUrgency);
}

// one collator for every comparison: String#localeCompare builds one per call, and a big
// repository sorts tens of thousands of items
const collator = new Intl.Collator('en');

export function byUrgency(a: DueItem, b: DueItem): number {
  // ISO dates sort as plain strings
  return (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || PRIORITY[a.kind] - PRIORITY[b.kind] || collator.compare(a.title, b.title);
}

export interface DueGroups {
  readonly overdue: DueItem[];
  readonly today: DueItem[];
  /** The rest of the current week, through Sunday. */
  readonly week: DueItem[];
  readonly later: DueItem[];
}

export function groupItems(items: readonly DueItem[], today: IsoDate): DueGroups {
  const sunday = endOfWeek(today);
  const groups: DueGroups = { overdue: [], today: [], week: [], later: [] };
  for (const i of [...items].sort(byUrgency)) {
    if (i.due < today) groups.overdue.push(i);
    else if (i.due === today) groups.today.push(i);
    else if (i.due <= sunday) groups.week.push(i);
    else groups.later.push(i);
  }
  return groups;
}

/** Narrows items to an owner, org, deal or tag (a tag on the contact, org or deal). */
export function filterItems(items: readonly DueItem[], f: { owner?: string; org?: string; deal?: string; tag?: string; repo: RepoData }): DueItem[] {
  // lookups by key, not by scanning: a big repository can have tens of thousands of items due
  const index = indexRepo(f.repo);
  const byPath = f.tag ? new Map(f.repo.conversations.map((v) => [v.path, v])) : new Map<string, Conversation>();
  const orgs = new Map(f.repo.orgs.map((o) => [o.slug, o]));
  const tagged = (i: DueItem) => {
    const records = [
      i.contact === undefined ? undefined : index.contacts.get(i.contact),
      i.org === undefined ? undefined : orgs.get(i.org),
      i.deal === undefined ? undefined : index.deals.get(i.deal),
      i.conversation === undefined ? undefined : byPath.get(i.conversation),
    ];
    return records.some((r) => r?.tags.includes(f.tag!));
  };
  return items.filter((i) => (!f.owner || i.owner === f.owner) && (!f.org || i.org === f.org) && (!f.deal || i.deal === f.deal) && (!f.tag || tagged(i)));
}
