// Where each thread of an import goes: the conversation that already holds any of its
// messages or its root, an unlinked reply's conversation found by subject, or a new file.
// Pure.
import type { Conversation, RepoData } from '../model/types.js';
import {
  conversationPath,
  isThreadFileOf,
  isWithinJoinWindow,
  normaliseSubject,
  threadFilePath,
  type Thread,
} from './threading.js';

/** What the repository has already filed: every message id, and every id a conversation is known by. */
export interface Filed {
  readonly messages: ReadonlySet<string>;
  readonly conversations: ReadonlyMap<string, Conversation>;
}

export function filedMail(data: RepoData): Filed {
  const conversations = new Map<string, Conversation>();
  const messages = new Set<string>();
  for (const v of data.conversations) {
    for (const e of v.entries) {
      if (!e.meta['message-id']) continue;
      conversations.set(e.meta['message-id'], v);
      messages.add(e.meta['message-id']);
    }
    if (typeof v.data.thread === 'string') conversations.set(v.data.thread, v);
  }
  return { messages, conversations };
}

/**
 * A filed conversation an unlinked thread (no References, no In-Reply-To anywhere) goes on:
 * same normalised subject, a participant in common and an entry within the join window.
 * The nearest in time wins; equal ones are settled by path, so the choice is stable.
 */
function subjectMatch(
  bySubject: ReadonlyMap<string, readonly Conversation[]>,
  thread: Thread,
  participants: ReadonlySet<string>,
): Conversation | undefined {
  if (thread.messages.some((m) => m.references.length || m.inReplyTo)) return undefined;
  const subject = normaliseSubject(thread.messages[0]!.subject);
  if (!subject) return undefined;
  const times = thread.messages.map((m) => Date.parse(m.date!));
  let best: { v: Conversation; distance: number } | undefined;
  // only the conversations of that subject: an index, not a walk over every file per message
  for (const v of bySubject.get(subject) ?? []) {
    if (!v.participants.some((p) => participants.has(p))) continue;
    const theirs = v.entries.map((e) => Date.parse(e.at)).filter((t) => !Number.isNaN(t));
    if (!isWithinJoinWindow(times, theirs)) continue;
    const distance = Math.min(...theirs.flatMap((t) => times.map((x) => Math.abs(t - x))));
    const closer = !best || distance < best.distance || (distance === best.distance && v.path < best.v.path);
    if (closer) best = { v, distance };
  }
  return best?.v;
}

/** A new thread's name, or the next free one when another thread's conversation holds it. */
function freeName(path: string, held: ReadonlySet<string>): string {
  let name = path;
  for (let n = 2; held.has(name); n++) name = path.replace(/\.md$/, `-${n}.md`);
  return name;
}

/**
 * Where a thread already filed belongs now. Its file is named from the thread's first
 * message: when this import brings the root or a message older than any filed, a file named
 * by the thread rule moves there, so teammates who imported the thread in any order and any
 * split end with the same file. Files named otherwise (kith log, a subject join) stay.
 */
function placedPath(held: ReadonlySet<string>, thread: Thread, existing: Conversation): string {
  const recorded = typeof existing.data.thread === 'string' ? existing.data.thread : undefined;
  if (!recorded || !isThreadFileOf(existing.path, recorded)) return existing.path;
  const rootMessage = thread.messages.find((m) => m.messageId === thread.root);
  const oldestNew = thread.messages[0]!;
  const filedTimes = existing.entries.map((e) => Date.parse(e.at)).filter((t) => !Number.isNaN(t));
  const oldestFiled = filedTimes.length ? Math.min(...filedTimes) : Infinity;
  const first = rootMessage ?? (Date.parse(oldestNew.date ?? '') < oldestFiled ? oldestNew : undefined);
  const wanted = first
    ? threadFilePath({ root: thread.root, date: first.date, subject: first.subject })
    : thread.root !== recorded
      ? threadFilePath({
          root: thread.root,
          date: existing.created ?? existing.entries[0]?.at,
          subject: existing.subject,
        })
      : existing.path;
  // a file already there is another record's: the sync's duplicate rules settle it, not a move
  const taken = wanted !== existing.path && held.has(wanted);
  return taken ? existing.path : wanted;
}

export interface Target {
  thread: Thread;
  readonly existing?: Conversation;
  readonly participants: Set<string>;
}

/**
 * Each thread's file. A thread met again goes on in the file it already has. Two threads of
 * one batch can land in one file (replies to different messages of it, with their ancestors
 * missing): they are merged, or the second write would undo the first.
 */
export function placeThreads(
  data: RepoData,
  filed: Filed,
  threads: readonly Thread[],
  participantsOf: (thread: Thread) => Set<string>,
): Map<string, Target> {
  const targets = new Map<string, Target>();
  const held = new Set(data.conversations.map((v) => v.path));
  const bySubject = new Map<string, Conversation[]>();
  for (const v of data.conversations) {
    const subject = normaliseSubject(v.subject);
    const list = bySubject.get(subject);
    if (list) list.push(v);
    else bySubject.set(subject, [v]);
  }
  for (const thread of threads) {
    const participants = participantsOf(thread);
    const known = thread.ids.map((id) => filed.conversations.get(id)).find(Boolean);
    const existing = known ?? subjectMatch(bySubject, thread, participants);
    const path = known ? placedPath(held, thread, known) : (existing?.path ?? freeName(conversationPath(thread), held));
    const same = targets.get(path);
    if (!same) {
      targets.set(path, { thread, existing, participants });
      continue;
    }
    const messages = [...same.thread.messages, ...thread.messages].sort(
      (a, b) => a.date!.localeCompare(b.date!) || a.messageId.localeCompare(b.messageId),
    );
    same.thread = { root: same.thread.root, ids: [...new Set([...same.thread.ids, ...thread.ids])], messages };
    for (const p of participants) same.participants.add(p);
  }
  return targets;
}
