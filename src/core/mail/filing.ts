// Plans an import: which messages are filed (and where), which are skipped and why, which
// contacts are created, and whose turn it is afterwards. Pure: the repository and the
// parsed messages come in, a plan comes out; writing it is the command's job.
import { isOurs, sortedEntries } from '../conversation/timeline.js';
import { afterEntry } from '../conversation/turn.js';
import { normaliseEmail } from '../model/email.js';
import { contentId } from '../model/ids.js';
import { isOpenDeal } from '../model/records.js';
import { indexRepo } from '../model/repo-index.js';
import { slugify } from '../model/text.js';
import type { Conversation, Entry, IsoDate, RepoData, Turn } from '../model/types.js';
import { buildAddressBook, personName, slugOfContact, type AddressBook, type PlannedContact } from './address-book.js';
import { mailEntry, type Bodies } from './entries.js';
import { filedMail, placeThreads, type Filed, type Target } from './placing.js';
import { threadKey, threadMessages, type Thread } from './threading.js';
import type { MailMessage } from './types.js';

export { reduceForPlan, type Bodies } from './entries.js';

export interface ImportSummary {
  messages: number;
  filed: number;
  duplicates: number;
  skipped: { internal: number; unknown: number; invalid: number };
  conversations: { created: number; updated: number };
  contacts_created: number;
}

interface PlannedConversation {
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
  /** An existing conversation's file moves to `path`: the thread's first message arrived. */
  readonly movedFrom?: string;
  /** Front matter changes of a moved conversation: its root and first day. */
  readonly renamed?: Readonly<Record<string, unknown>>;
}

interface ImportEvent {
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

interface Screening {
  readonly accepted: MailMessage[];
  readonly contacts: PlannedContact[];
  readonly events: ImportEvent[];
  readonly summary: ImportSummary;
}

/** Sorts messages into the ones filed and the ones skipped (and why), planning new contacts. */
function screen(data: RepoData, messages: readonly MailMessage[], book: AddressBook, filed: Filed): Screening {
  const summary: ImportSummary = {
    messages: messages.length,
    filed: 0,
    duplicates: 0,
    skipped: { internal: 0, unknown: 0, invalid: 0 },
    conversations: { created: 0, updated: 0 },
    contacts_created: 0,
  };
  const out: Screening = { accepted: [], contacts: [], events: [], summary };
  const skip = (kind: 'internal' | 'unknown' | 'invalid', m: MailMessage, detail: string) => {
    summary.skipped[kind]++;
    out.events.push({ kind, origin: m.origin, detail });
  };
  const slugs = new Set(data.contacts.map((c) => c.slug));
  const seen = new Set<string>();
  for (const m of messages) {
    if (!m.from || !m.date) {
      skip('invalid', m, !m.from ? 'no usable From address' : 'no usable date (no Date, Received or mbox date)');
      continue;
    }
    if (filed.messages.has(m.messageId) || seen.has(m.messageId)) {
      summary.duplicates++;
      out.events.push({ kind: 'duplicate', origin: m.origin, detail: m.messageId });
      continue;
    }
    seen.add(m.messageId);
    const external = [m.from, ...m.to, ...m.cc].filter((a) => !book.isOurs(a));
    if (!external.length) {
      skip('internal', m, 'only our own addresses');
      continue;
    }
    const known = external.filter((a) => book.contactOf(a) || book.orgOf(a));
    // a newsletter is never filed on the strength of its domain alone
    if (!known.length || (m.isBulk && !book.contactOf(m.from))) {
      const nobody = `nobody we know (${external.map((a) => a.address).join(', ')})`;
      skip('unknown', m, m.isBulk ? 'a mailing list or newsletter' : nobody);
      continue;
    }
    // only someone writing from a known org's domain becomes a contact, never the recipients
    // of a message: one mail to 10,000 addresses at a known domain creates at most one contact
    for (const a of known.filter((k) => k === m.from)) {
      if (book.contactOf(a)) continue;
      const org = book.orgOf(a)!;
      const name = personName(a);
      const base = slugify(name);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      const planned: PlannedContact = {
        path: `contacts/${slug}.md`,
        // derived from the address, so a second import (or a teammate's) makes the same record
        fields: {
          id: contentId('contact', normaliseEmail(a.address)),
          name,
          emails: [a.address.replace(/\+[^@]*@/, '@')],
          org: org.slug,
          owner: org.owner,
          created: m.date.slice(0, 10),
          created_by: 'import',
        },
      };
      out.contacts.push(planned);
      book.add(a, planned);
      summary.contacts_created++;
    }
    out.accepted.push(m);
  }
  return out;
}

/** The first member who sent or received one of the thread's messages, oldest first. */
function memberIn(thread: Thread, book: AddressBook): string | undefined {
  for (const m of thread.messages) {
    for (const a of [...(m.from ? [m.from] : []), ...m.to, ...m.cc]) {
      const member = book.memberOf(a);
      if (member) return member;
    }
  }
  return undefined;
}

/** The plan for one conversation: its entries, whose turn follows, and its fields if new. */
function planConversation(
  data: RepoData,
  path: string,
  target: Target,
  book: AddressBook,
  planned: ReadonlyMap<string, PlannedContact>,
  opts: ImportOptions,
): PlannedConversation {
  const { thread, existing, participants } = target;
  const entries = thread.messages.map((m) => {
    const from = m.from!;
    const author = book.isOurs(from)
      ? `@${book.handleOf(from)}`
      : slugOfContact(book.contactOf(from) ?? { path: `contacts/${slugify(personName(from))}.md`, fields: {} });
    return mailEntry(m, author, opts);
  });
  // whose turn follows the newest message, unless the file already holds something newer
  const last = sortedEntries([...entries.map((e) => ({ ...e, line: 0 })), ...(existing?.entries ?? [])]).at(-1)!;
  const flow = entries.some((e) => e.id === last.id)
    ? afterEntry(
        { turn: existing?.turn ?? 'us', next: existing?.next },
        { type: 'mail', ours: isOurs(last.author), date: last.at.slice(0, 10) },
        { today: opts.today, followup: data.settings.followup },
      )
    : undefined;
  const base = { path, entries, turn: flow?.turn, next: flow?.next };
  if (existing) {
    const addParticipants = [...participants].filter((p) => !existing.participants.includes(p));
    if (path === existing.path) return { ...base, existing, addParticipants };
    const firstDay = [entries[0]!.at.slice(0, 10), ...(existing.created ? [existing.created] : [])].sort()[0];
    const renamed = { thread: thread.root, created: firstDay };
    return { ...base, existing, addParticipants, movedFrom: existing.path, renamed };
  }
  const index = indexRepo(data);
  const orgOf = (p: string) => index.contacts.get(p)?.org ?? (planned.get(p)?.fields.org as string | undefined);
  const org = [...participants].map(orgOf).find(Boolean);
  // no org, no deal: a deal without an org is not "the org's one open deal"
  const openDeals = org ? (index.dealsByOrg.get(org) ?? []).filter(isOpenDeal) : [];
  const root = thread.messages.find((m) => m.messageId === thread.root) ?? thread.messages[0]!;
  const fields = {
    id: threadKey(thread.root),
    subject: root.subject || '(no subject)',
    participants: [...participants].sort(),
    org,
    // an org with exactly one open deal: the conversation is about it
    deal: openDeals.length === 1 ? openDeals[0]!.slug : undefined,
    // the org's owner, else the member who sent or received it, so `due --mine` finds it
    owner: (org === undefined ? undefined : index.orgs.get(org)?.owner) ?? memberIn(thread, book),
    turn: flow?.turn ?? 'us',
    next: flow?.next,
    thread: thread.root,
    created: entries[0]!.at.slice(0, 10),
  };
  return { ...base, addParticipants: [], fields };
}

export function planImport(data: RepoData, messages: readonly MailMessage[], opts: ImportOptions): ImportPlan {
  const book = buildAddressBook(data);
  const filed = filedMail(data);
  const { accepted, contacts, events, summary } = screen(data, messages, book, filed);
  const participantsOf = (thread: Thread) => {
    const out = new Set<string>();
    for (const m of thread.messages) {
      for (const a of [m.from!, ...m.to, ...m.cc]) {
        const c = book.contactOf(a);
        if (c) out.add(slugOfContact(c));
      }
    }
    return out;
  };
  const threads = threadMessages(accepted, { isOurAddress: (address) => book.isOurs({ address }) });
  const conversations: PlannedConversation[] = [];
  const planned = new Map(contacts.map((c) => [slugOfContact(c), c]));
  for (const [path, target] of placeThreads(data, filed, threads, participantsOf)) {
    const plan = planConversation(data, path, target, book, planned, opts);
    target.thread.messages.forEach((m) => events.push({ kind: 'filed', origin: m.origin, detail: path }));
    summary.filed += plan.entries.length;
    if (plan.existing) summary.conversations.updated++;
    else summary.conversations.created++;
    conversations.push(plan);
  }
  return { contacts, conversations, summary, events };
}
