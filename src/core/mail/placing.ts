// Where each thread of an import goes: the conversation that already holds any of its
// messages or its root, an unlinked reply's conversation found by subject, or a new file.
// Pure.
import type { Conversation, RepoData } from '../model/types.js';
import { conversationPath, isWithinJoinWindow, normaliseSubject, type Thread } from './threading.js';

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
  conversations: readonly Conversation[],
  thread: Thread,
  participants: ReadonlySet<string>,
): Conversation | undefined {
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
  for (const thread of threads) {
    const participants = participantsOf(thread);
    const known = thread.ids.map((id) => filed.conversations.get(id)).find(Boolean);
    const existing = known ?? subjectMatch(data.conversations, thread, participants);
    const path = existing?.path ?? freeName(conversationPath(thread), held);
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
