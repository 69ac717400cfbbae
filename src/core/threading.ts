// Threads messages into conversations, JWZ-style: References and In-Reply-To link messages
// even when ancestors are missing; the subject joins only messages with no links at all.
// The thread's root id (its first reference) names it, so the conversation's path is a
// pure function of the thread: two teammates importing the same mail get the same file.
import { contentId } from './ids.js';
import type { MailMessage } from './mail-types.js';
import { slugify } from './text.js';

/** "Re: Fwd: RE: AW: SV: [ext] Pricing" -> "pricing". */
export function normaliseSubject(subject: string): string {
  let s = subject.trim();
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/^(re|fwd?|aw|sv|vs|tr|wg|antw|réf|rif)(\[\d+\])?\s*:\s*/i, '').replace(/^\[[^\]]{1,30}\]\s*/, '').trim();
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

const byDate = (a: MailMessage, b: MailMessage) => (a.date ?? '').localeCompare(b.date ?? '') || a.messageId.localeCompare(b.messageId);

/** Groups messages into threads; `known` maps ids seen in earlier imports to their thread root. */
export function threadMessages(messages: readonly MailMessage[]): Thread[] {
  const uf = new UnionFind();
  for (const m of messages) {
    for (const id of [...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])]) uf.union(m.messageId, id);
    uf.find(m.messageId);
  }
  const groups = new Map<string, MailMessage[]>();
  for (const m of messages) {
    const key = uf.find(m.messageId);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort(byDate);
    // the longest References list starts with the thread's original message
    const withRefs = [...sorted].sort((a, b) => b.references.length - a.references.length)[0]!;
    const root = withRefs.references[0] ?? sorted.find((m) => !m.inReplyTo)?.messageId ?? sorted[0]!.inReplyTo ?? sorted[0]!.messageId;
    const ids = [...new Set(sorted.flatMap((m) => [m.messageId, ...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])]))];
    return { root, ids, messages: sorted };
  }).sort((a, b) => byDate(a.messages[0]!, b.messages[0]!));
}

/** conversations/<year>/<subject slug>-<6 characters of the root id's hash>.md */
export function conversationPath(thread: Thread): string {
  const first = thread.messages[0]!;
  const year = (first.date ?? '').slice(0, 4) || 'undated';
  const subject = normaliseSubject(thread.messages.find((m) => m.messageId === thread.root)?.subject ?? first.subject);
  return `conversations/${year}/${slugify(subject, 'no-subject').slice(0, 50).replace(/-+$/, '')}-${contentId('conversation', thread.root).slice(2, 8)}.md`;
}
