// Records as the index cache keeps them (excerpts): what listings, due, pipeline, cards and
// references need, in few bytes, and made whole again on reading. Pure.
import { latestEntry, type AnyRecord, type Entry } from '../core/model/index.js';
import { kindOfPath, slugOfPath } from './layout.js';

// Front-matter keys excerpts keep as written: values a merge kept aside, a mail thread's key, and
// the lists a command patches item by item (keeping what each item says beyond Kith's fields).
const KEPT_DATA = ['conflicts', 'thread', 'promises', 'history'];
// What a cached record leaves out because its path gives it back, or because it is empty.
const DERIVED = new Set(['kind', 'slug', 'path', 'body', 'fieldLines']);
const LISTS = ['tags', 'emails', 'phones', 'domains', 'contacts', 'history', 'participants', 'promises'];

/**
 * An entry as the cache keeps it: [id, at, type, author, line], the latest one's first line, and a
 * filed mail's message id (what an import threads by).
 */
type CachedEntry = [string, string, Entry['type'], string, number, string?, string?];

/**
 * What the cache keeps of a record: no body, front matter as typed fields, entries without
 * text or headers, but for the latest one's first line (a card's "last said") and a mail's message id.
 */
export function excerptOf(r: AnyRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (DERIVED.has(k) || v === undefined || (Array.isArray(v) && !v.length)) continue;
    out[k] = v;
  }
  const data = Object.fromEntries(KEPT_DATA.filter((k) => r.data[k] !== undefined).map((k) => [k, r.data[k]]));
  if (Object.keys(data).length) out.data = data;
  else delete out.data;
  if (r.kind === 'conversation') {
    const latest = latestEntry(r.entries);
    const line = (e: Entry) => (e.text.split('\n', 1)[0] ?? '').slice(0, 200);
    out.entries = r.entries.map((e): CachedEntry => {
      const head: CachedEntry = [e.id, e.at, e.type, e.author, e.line];
      const messageId = e.meta['message-id'];
      if (e === latest || messageId) head.push(e === latest ? line(e) : '');
      if (messageId) head.push(messageId);
      return head;
    });
  }
  return out;
}

/** A cached record made whole again (as an excerpt) for the path it is kept under; the cache's copy untouched. */
export function revive(path: string, cached: Record<string, unknown>): AnyRecord {
  const entries = cached.entries as CachedEntry[] | undefined;
  return reviveOwned(path, { ...cached, ...(entries ? { entries: [...entries] } : {}) });
}

/**
 * An excerpt made whole in place: for one parsed from a shard that nothing else keeps, so a
 * command reading fifty thousand of them copies none (a third of the time, half the memory).
 */
export function reviveOwned(path: string, r: Record<string, unknown>): AnyRecord {
  const kind = kindOfPath(path);
  Object.assign(r, { kind, slug: slugOfPath(path), path, body: '', fieldLines: {} });
  r.data ??= {};
  for (const k of LISTS) r[k] ??= [];
  if (kind === 'conversation') {
    const entries = r.entries as (CachedEntry | Entry)[];
    for (let i = 0; i < entries.length; i++) {
      const [id, at, type, author, line, text, messageId] = entries[i] as CachedEntry;
      const meta: Record<string, string> = messageId ? { 'message-id': messageId } : {};
      entries[i] = { id, at, type, author, line, meta, text: text ?? '' };
    }
  }
  return r as unknown as AnyRecord;
}
