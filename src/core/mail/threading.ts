// Threads messages into conversations, JWZ-style: References and In-Reply-To link messages
// even when ancestors are missing; the subject joins only messages with no links at all.
// The thread's root id (its first reference) names it, so the conversation's path is a
// pure function of the thread: two teammates importing the same mail get the same file.
// Pure: no I/O, no clock.
import { normaliseEmail } from '../model/email.js';
import { contentHash, contentId } from '../model/ids.js';
import { slugify } from '../model/text.js';
import type { MailMessage } from './types.js';

/** "Re: Fwd: RE: AW: SV: [ext] Pricing" -> "pricing". */
export function normaliseSubject(subject: string): string {
  let s = subject.trim();
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/^(re|fwd?|aw|sv|vs|tr|wg|antw|réf|rif)(\[\d+\])?\s*:\s*/i, '')
      .replace(/^\[[^\]]{1,30}\]\s*/, '')
      .trim();
  }
  return s.toLowerCase().replace(/\s+/g, ' ');
}

export interface Thread {
  /** The id the thread is known by: the first reference of its messages, or its first message. */
  readonly root: string;
  /** Every message id the thread's messages mention, for matching earlier imports. */
  readonly ids: readonly string[];
  readonly messages: readonly MailMessage[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // the smaller id wins, so the grouping does not depend on input order
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

const byDate = (a: MailMessage, b: MailMessage) =>
  (a.date ?? '').localeCompare(b.date ?? '') || a.messageId.localeCompare(b.messageId);

// A message without References or In-Reply-To joins a thread on its subject only when the
// same people wrote within this many days: "Re: Pricing" from Acme in March is not the
// reply to "Pricing" with Globex in January.
const SUBJECT_JOIN_DAYS = 60;
const DAY_MS = 86_400_000;

export interface ThreadOptions {
  /** Our own addresses do not count as overlap: every thread has us in it. */
  readonly isOurAddress?: (address: string) => boolean;
}

const hasLinks = (m: MailMessage) => m.references.length > 0 || !!m.inReplyTo;
const instant = (m: MailMessage) => (m.date ? Date.parse(m.date) : NaN);

/** The outside people of some messages (everyone when no predicate is given). */
function participantsOf(messages: readonly MailMessage[], opts: ThreadOptions = {}): Set<string> {
  const out = new Set<string>();
  for (const m of messages) {
    for (const a of [...(m.from ? [m.from] : []), ...m.to, ...m.cc]) {
      if (!opts.isOurAddress?.(a.address)) out.add(normaliseEmail(a.address));
    }
  }
  return out;
}

/** Whether two groups of messages are close enough in time for a subject join. */
export function isWithinJoinWindow(a: readonly number[], b: readonly number[]): boolean {
  return a.some((x) => b.some((y) => Math.abs(x - y) <= SUBJECT_JOIN_DAYS * DAY_MS));
}

function rootOf(sorted: readonly MailMessage[]): string {
  // the longest References list starts with the thread's original message
  const withRefs = [...sorted].sort((a, b) => b.references.length - a.references.length)[0]!;
  return (
    withRefs.references[0] ??
    sorted.find((m) => !m.inReplyTo)?.messageId ??
    sorted[0]!.inReplyTo ??
    sorted[0]!.messageId
  );
}

/**
 * Groups messages into threads: References and In-Reply-To first (JWZ without the tree:
 * only membership matters to us), then a message with neither joins a thread with the same
 * normalised subject, overlapping outside people and a message within SUBJECT_JOIN_DAYS.
 * The result does not depend on the order of the input.
 */
export function threadMessages(messages: readonly MailMessage[], opts: ThreadOptions = {}): Thread[] {
  const uf = new UnionFind();
  for (const m of messages) {
    for (const id of [...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])]) uf.union(m.messageId, id);
    uf.find(m.messageId);
  }
  let groups = new Map<string, MailMessage[]>();
  for (const m of [...messages].sort(byDate)) {
    const key = uf.find(m.messageId);
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  // subject joins: each unlinked message, oldest first, looks for the nearest fitting thread
  // among those that hold its normalised subject (an index, so this stays linear)
  const ordered = [...groups.entries()].sort(([, a], [, b]) => byDate(a[0]!, b[0]!));
  const bySubject = new Map<string, string[]>();
  for (const [key, list] of ordered) {
    for (const subject of new Set(list.map((m) => normaliseSubject(m.subject)))) {
      if (!subject) continue;
      const keys = bySubject.get(subject);
      if (keys) keys.push(key);
      else bySubject.set(subject, [key]);
    }
  }
  const people = new Map<string, Set<string>>();
  const peopleOf = (key: string) => {
    let set = people.get(key);
    if (!set) people.set(key, (set = participantsOf(groups.get(key)!, opts)));
    return set;
  };
  for (const [key, list] of ordered) {
    if (list.length !== 1 || hasLinks(list[0]!)) continue;
    const lone = list[0]!;
    const subject = normaliseSubject(lone.subject);
    const at = instant(lone);
    if (!subject || Number.isNaN(at)) continue;
    const mine = participantsOf([lone], opts);
    let best: { key: string; distance: number } | undefined;
    for (const otherKey of bySubject.get(subject) ?? []) {
      const other = groups.get(otherKey);
      if (otherKey === key || !other) continue;
      const times = other.map(instant).filter((t) => !Number.isNaN(t));
      if (!isWithinJoinWindow([at], times)) continue;
      const theirs = peopleOf(otherKey);
      if (![...mine].some((p) => theirs.has(p))) continue;
      const distance = Math.min(...times.map((t) => Math.abs(t - at)));
      if (!best || distance < best.distance || (distance === best.distance && otherKey < best.key))
        best = { key: otherKey, distance };
    }
    if (!best) continue;
    const target = groups.get(best.key)!;
    target.push(lone);
    target.sort(byDate);
    for (const p of mine) peopleOf(best.key).add(p);
    groups.delete(key);
  }
  groups = new Map([...groups].filter(([, list]) => list.length));
  return [...groups.values()]
    .map((sorted) => {
      const ids = [
        ...new Set(sorted.flatMap((m) => [m.messageId, ...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])])),
      ];
      return { root: rootOf(sorted), ids, messages: sorted };
    })
    .sort((a, b) => byDate(a.messages[0]!, b.messages[0]!));
}

/** The stable key of a thread: a pure function of its root message id. */
export function threadKey(root: string): string {
  return contentId('conversation', root);
}

// 13 base32 characters (65 bits) of the root id's hash: a stranger cannot find a Message-ID
// whose file name is an existing conversation's (30 bits took 8 minutes on 2 cores)
const NAME_HASH_LENGTH = 13;

/** What a thread's file is named from: its root id, and the date and subject of its first message known. */
export interface ThreadName {
  readonly root: string;
  readonly date?: string;
  readonly subject: string;
}

/**
 * The one naming rule of a thread's file: conversations/<year>/<subject slug>-<13 characters
 * of the root id's hash>.md. Every path of a mail thread is made here.
 */
export function threadFilePath(name: ThreadName): string {
  const year = (name.date ?? '').slice(0, 4) || 'undated';
  const slug = slugify(normaliseSubject(name.subject), 'no-subject').slice(0, 50).replace(/-+$/, '');
  return `conversations/${year}/${slug}-${contentHash(name.root, NAME_HASH_LENGTH)}.md`;
}

/** Whether a file was named by threadFilePath for this root (and so may be renamed by it). */
export function isThreadFileOf(path: string, root: string): boolean {
  const name = threadFilePath({ root, subject: 'x' });
  return path.startsWith('conversations/') && path.endsWith(name.slice(name.lastIndexOf('-')));
}

/**
 * The file of a thread, named from the root message when the thread holds it (otherwise from
 * its oldest message), so any slice of a thread that includes its first message names the
 * same file.
 */
export function conversationPath(thread: Thread): string {
  const root = thread.messages.find((m) => m.messageId === thread.root) ?? thread.messages[0]!;
  return threadFilePath({ root: thread.root, date: root.date, subject: root.subject });
}
