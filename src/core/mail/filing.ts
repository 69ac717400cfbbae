// Plans an import: which messages are filed (and where), which are skipped and why, which
// contacts are created, and whose turn it is afterwards. Pure: the repository and the
// parsed messages come in, a plan comes out; writing it is the command's job.
import { sortedEntries, isOurs } from '../conversation/timeline.js';
import { afterEntry } from '../conversation/turn.js';
import { domainMatch, domainOf, normaliseEmail } from '../model/email.js';
import { contentId } from '../model/ids.js';
import { isOpenDeal } from '../model/records.js';
import { slugify, stripControls } from '../model/text.js';
import type { Contact, Conversation, Entry, IsoDate, Org, RepoData, Turn } from '../model/types.js';
import { formatDateTime } from '../time/zone.js';
import { conversationPath, isWithinJoinWindow, normaliseSubject, threadKey, threadMessages, type Thread } from './threading.js';
import { escapeForTimeline, trimReply } from './trim.js';
import type { Address, MailMessage } from './types.js';

export type Bodies = 'full' | 'trimmed' | 'none';

export interface ImportSummary {
  messages: number;
  filed: number;
  duplicates: number;
  skipped: { internal: number; unknown: number; invalid: number };
  conversations: { created: number; updated: number };
  contacts_created: number;
}

export interface PlannedContact {
  readonly path: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface PlannedConversation {
  readonly path: string;
  /** Undefined when the conversation is new. */
  readonly existing?: Conversation;
  /** Front matter of a new conversation. */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly entries: readonly Omit<Entry, 'line'>[];
  /** Whose turn afterwards, when the newest entry is one of these. */
  readonly turn?: Turn;
  readonly next?: IsoDate;
  /** Contacts to add to an existing conversation's participants. */
  readonly addParticipants: readonly string[];
}

export interface ImportEvent {
  readonly kind: 'filed' | 'duplicate' | 'internal' | 'unknown' | 'invalid';
  readonly origin: string;
  readonly detail: string;
}

export interface ImportPlan {
  readonly contacts: readonly PlannedContact[];
  readonly conversations: readonly PlannedConversation[];
  readonly summary: ImportSummary;
  readonly events: readonly ImportEvent[];
}

export interface ImportOptions {
  readonly bodies: Bodies;
  readonly zone: string;
  readonly today: IsoDate;
}

function personName(a: Address): string {
  if (a.name && !a.name.includes('@')) return a.name;
  const local = a.address.split('@')[0]!.replace(/\+.*$/, '');
  return local.split(/[._-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || local;
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * A filed conversation an unlinked thread (no References, no In-Reply-To anywhere) goes on:
 * same normalised subject, a participant in common and an entry within the join window.
 * The nearest in time wins; equal ones are settled by path, so the choice is stable.
 */
function subjectMatch(conversations: readonly Conversation[], thread: Thread, participants: ReadonlySet<string>): Conversation | undefined {
  if (thread.messages.some((m) => m.references.length || m.inReplyTo)) return undefined;
  const subject = normaliseSubject(thread.messages[0]!.subject);
  if (!subject) return undefined;
  const times = thread.messages.map((m) => Date.parse(m.date!));
  let best: { v: Conversation; distance: number } | undefined;
  for (const v of conversations) {
    if (normaliseSubject(v.subject) !== subject || !v.participants.some((p) => participants.has(p))) continue;
    const theirs = v.entries.map((e) => Date.parse(e.at)).filter((t) => !Number.isNaN(t));
    if (!isWithinJoinWindow(times, theirs)) continue;
    const distance = Math.min(...theirs.flatMap((t) => times.map((x) => Math.abs(t - x))));
    if (!best || distance < best.distance || (distance === best.distance && v.path < best.v.path)) best = { v, distance };
  }
  return best?.v;
}

/**
 * A message reduced to what planImport will keep of it under `bodies`: an importer reading
 * a large mailbox holds every message until it plans, so it should hold this, not the full
 * text. Planning the reduced message gives the same plan (trimming twice changes nothing).
 */
export function reduceForPlan(m: MailMessage, bodies: Bodies): MailMessage {
  if (bodies === 'full') return m;
  return { ...m, text: bodies === 'none' ? '' : trimReply(m.text) };
}

export function planImport(repo: RepoData, messages: readonly MailMessage[], opts: ImportOptions): ImportPlan {
  const { settings } = repo;
  const ourDomains = settings.domains.map((d) => d.toLowerCase());
  const memberByEmail = new Map(settings.members.flatMap((m) => m.emails.map((e) => [normaliseEmail(e), m.handle] as const)));
  const isOurAddress = (a: Address) => memberByEmail.has(normaliseEmail(a.address)) || domainMatch(ourDomains, domainOf(a.address)) !== undefined;
  const contactByEmail = new Map<string, Contact | PlannedContact>(repo.contacts.flatMap((c) => c.emails.map((e) => [normaliseEmail(e), c] as const)));
  const orgByDomain = new Map<string, Org>(repo.orgs.flatMap((o) => o.domains.map((d) => [d.toLowerCase().replace(/^@/, ''), o] as const)));
  const orgOf = (a: Address) => {
    const domain = domainMatch([...orgByDomain.keys()], domainOf(a.address));
    return domain === undefined ? undefined : orgByDomain.get(domain);
  };
  const slugs = new Set(repo.contacts.map((c) => c.slug));
  // every id a conversation is known by: its messages and its thread's root
  const filedIds = new Map<string, Conversation>();
  const filedMessages = new Set<string>();
  for (const v of repo.conversations) {
    for (const e of v.entries) {
      if (!e.meta['message-id']) continue;
      filedIds.set(e.meta['message-id'], v);
      filedMessages.add(e.meta['message-id']);
    }
    if (typeof v.data.thread === 'string') filedIds.set(v.data.thread, v);
  }

  const summary: ImportSummary = { messages: messages.length, filed: 0, duplicates: 0, skipped: { internal: 0, unknown: 0, invalid: 0 }, conversations: { created: 0, updated: 0 }, contacts_created: 0 };
  const events: ImportEvent[] = [];
  const contacts: PlannedContact[] = [];
  const slugOf = (c: Contact | PlannedContact) => ('slug' in c ? c.slug : c.path.replace(/^contacts\/|\.md$/g, ''));

  const seen = new Set<string>();
  const accepted: MailMessage[] = [];
  for (const m of messages) {
    if (!m.from || !m.date) {
      summary.skipped.invalid++;
      events.push({ kind: 'invalid', origin: m.origin, detail: !m.from ? 'no usable From address' : 'no usable date (no Date, Received or mbox date)' });
      continue;
    }
    if (filedMessages.has(m.messageId) || seen.has(m.messageId)) {
      summary.duplicates++;
      events.push({ kind: 'duplicate', origin: m.origin, detail: m.messageId });
      continue;
    }
    seen.add(m.messageId);
    const people = [m.from, ...m.to, ...m.cc];
    const external = people.filter((a) => !isOurAddress(a));
    if (!external.length) {
      summary.skipped.internal++;
      events.push({ kind: 'internal', origin: m.origin, detail: 'only our own addresses' });
      continue;
    }
    const known = external.filter((a) => contactByEmail.has(normaliseEmail(a.address)) || orgOf(a) !== undefined);
    // a newsletter is never filed on the strength of its domain alone
    const fromKnownContact = contactByEmail.has(normaliseEmail(m.from.address));
    if (!known.length || (m.isBulk && !fromKnownContact)) {
      summary.skipped.unknown++;
      events.push({ kind: 'unknown', origin: m.origin, detail: m.isBulk ? 'a mailing list or newsletter' : `nobody we know (${external.map((a) => a.address).join(', ')})` });
      continue;
    }
    for (const a of known) {
      const key = normaliseEmail(a.address);
      if (contactByEmail.has(key)) continue;
      const org = orgOf(a)!;
      const name = personName(a);
      let slug = slugify(name);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
      slugs.add(slug);
      const planned: PlannedContact = {
        path: `contacts/${slug}.md`,
        // derived from the address, so a second import (or a teammate's) makes the same record
        fields: { id: contentId('contact', key), name, emails: [a.address.replace(/\+[^@]*@/, '@')], org: org.slug, owner: org.owner, created: m.date.slice(0, 10), created_by: 'import' },
      };
      contacts.push(planned);
      contactByEmail.set(key, planned);
      summary.contacts_created++;
    }
    accepted.push(m);
  }

  const conversations: PlannedConversation[] = [];
  const threads = threadMessages(accepted, { isOurAddress: (address) => isOurAddress({ address }) });
  const participantsOf = (thread: Thread) => {
    const out = new Set<string>();
    for (const m of thread.messages) {
      for (const a of [m.from!, ...m.to, ...m.cc]) {
        const c = contactByEmail.get(normaliseEmail(a.address));
        if (c) out.add(slugOf(c));
      }
    }
    return out;
  };
  // Where each thread goes: a thread met again (through any of its ids, or an unlinked
  // reply by subject) goes on in the file it already has. Two threads of this batch can
  // land in one file (replies to different messages of it, with their ancestors missing):
  // they are merged, or the second write would undo the first.
  const targets = new Map<string, { thread: Thread; existing?: Conversation; participants: Set<string> }>();
  for (const thread of threads) {
    const participants = participantsOf(thread);
    const existing = thread.ids.map((id) => filedIds.get(id)).find(Boolean) ?? subjectMatch(repo.conversations, thread, participants);
    const path = existing?.path ?? conversationPath(thread);
    const same = targets.get(path);
    if (!same) {
      targets.set(path, { thread, existing, participants });
      continue;
    }
    const messages = [...same.thread.messages, ...thread.messages].sort((a, b) => a.date!.localeCompare(b.date!) || a.messageId.localeCompare(b.messageId));
    same.thread = { root: same.thread.root, ids: [...new Set([...same.thread.ids, ...thread.ids])], messages };
    for (const p of participants) same.participants.add(p);
  }
  for (const [path, { thread, existing, participants }] of targets) {
    const entries = thread.messages.map((m): Omit<Entry, 'line'> => {
      const ours = isOurAddress(m.from!);
      const author = ours
        ? `@${memberByEmail.get(normaliseEmail(m.from!.address)) ?? m.from!.address.split('@')[0]!.replace(/\+.*$/, '')}`
        : slugOf(contactByEmail.get(normaliseEmail(m.from!.address)) ?? ({ path: `contacts/${slugify(personName(m.from!))}.md` } as PlannedContact));
      // message text is data, never terminal commands: controls go, newlines and tabs stay
      const text = opts.bodies === 'none' ? '' : escapeForTimeline(stripControls(opts.bodies === 'full' ? m.text.trim() : trimReply(m.text), true));
      const list = (as: readonly Address[]) => as.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
      return {
        id: contentId('entry', m.messageId), at: formatDateTime(Date.parse(m.date!), opts.zone), type: 'mail', author,
        meta: {
          from: list([m.from!]), to: list(m.to), cc: list(m.cc), subject: m.subject, 'message-id': m.messageId,
          attachments: m.attachments.map((a) => `${a.name} (${sizeText(a.size)})`).join(', '),
          // no Date header: say where the date came from (never the time of the import)
          dated: m.dateSource === 'header' ? '' : m.dateSource,
        },
        text,
      };
    });
    thread.messages.forEach((m) => events.push({ kind: 'filed', origin: m.origin, detail: path }));
    summary.filed += entries.length;
    // whose turn follows the newest message, unless the file already holds something newer
    const last = sortedEntries([...entries.map((e) => ({ ...e, line: 0 })), ...(existing?.entries ?? [])]).at(-1)!;
    const isNewest = entries.some((e) => e.id === last.id);
    const flow = isNewest
      ? afterEntry({ turn: existing?.turn ?? 'us', next: existing?.next }, { type: 'mail', ours: isOurs(last.author), date: last.at.slice(0, 10) }, { today: opts.today, followup: settings.followup })
      : undefined;
    const orgs = [...participants].map((p) => repo.contacts.find((c) => c.slug === p)?.org ?? contacts.find((c) => slugOf(c) === p)?.fields.org as string | undefined).filter(Boolean);
    const org = orgs[0];
    // no org, no deal: a deal without an org is not "the org's one open deal"
    const openDeals = org ? repo.deals.filter((d) => d.org === org && isOpenDeal(d)) : [];
    if (existing) {
      summary.conversations.updated++;
      conversations.push({ path, existing, entries, turn: flow?.turn, next: flow?.next, addParticipants: [...participants].filter((p) => !existing.participants.includes(p)) });
    } else {
      summary.conversations.created++;
      const root = thread.messages.find((m) => m.messageId === thread.root) ?? thread.messages[0]!;
      conversations.push({
        path, entries, turn: flow?.turn, next: flow?.next, addParticipants: [],
        fields: {
          id: threadKey(thread.root), subject: root.subject || '(no subject)', participants: [...participants].sort(), org,
          // an org with exactly one open deal: the conversation is about it
          deal: openDeals.length === 1 ? openDeals[0]!.slug : undefined,
          owner: repo.orgs.find((o) => o.slug === org)?.owner, turn: flow?.turn ?? 'us', next: flow?.next,
          thread: thread.root, created: entries[0]!.at.slice(0, 10),
        },
      });
    }
  }
  return { contacts, conversations, summary, events };
}
