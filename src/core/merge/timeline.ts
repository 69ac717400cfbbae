// Three-way merge of a conversation's timeline: entries are united by id and kept in date
// order; an entry both sides edited is merged line by line; the notes before the first entry
// likewise. Each entry keeps its own bytes. Pure and symmetric.
import { parseTimeline } from '../conversation/timeline.js';
import { instant } from '../time/zone.js';
import { mergeText } from './diff3.js';
import { mergeOrder } from './ordered.js';
import type { Kept } from './values.js';

const normalise = (text: string) => `${text.replace(/\n+$/, '')}\n`;

interface Part {
  readonly key: string;
  /** The entry id, for parts that are readable entries. */
  readonly id?: string;
  readonly text: string;
  readonly at: number;
}

interface Split {
  readonly preamble: string;
  readonly parts: ReadonlyMap<string, Part>;
}

/** The body cut at every entry heading (readable or not); each part keyed by its entry id. */
function split(body: string): Split {
  const { entries, problems } = parseTimeline(body, '', 1);
  const starts = [...new Set([...entries.map((e) => e.line), ...problems.map((p) => p.line)])].sort((a, b) => a - b);
  const lines = body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const byLine = new Map(entries.map((e) => [e.line, e]));
  const parts = new Map<string, Part>();
  starts.forEach((line, i) => {
    // the blank lines after an entry separate it from the next: not part of it
    const text = normalise(lines.slice(line - 1, (starts[i + 1] ?? lines.length + 1) - 1).join(''));
    const entry = byLine.get(line);
    const date = /^## (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    const at = entry ? instant(entry.at) : date ? instant(date) : 0;
    let key = entry ? entry.id : `text:${text.trim()}`;
    // a hand-copied entry: the copy is its own part
    for (let n = 2; parts.has(key); n++) key = `${entry ? entry.id : `text:${text.trim()}`}#${n}`;
    parts.set(key, { key, id: entry && !parts.has(entry.id) ? entry.id : undefined, text, at });
  });
  return { preamble: lines.slice(0, (starts[0] ?? lines.length + 1) - 1).join(''), parts };
}

export interface TimelineMerge {
  readonly body: string;
  readonly kept: readonly Kept[];
  /** Entries each side added since the base. */
  readonly added: { readonly ours: number; readonly theirs: number };
  /** The side whose newest added entry is the later, when both added some. */
  readonly newer?: 'ours' | 'theirs';
}

function additions(base: Split | undefined, side: Split): { count: number; newest: number } {
  let count = 0;
  let newest = -Infinity;
  for (const p of side.parts.values()) {
    if (!p.id || base?.parts.has(p.key)) continue;
    count++;
    newest = Math.max(newest, p.at);
  }
  return { count, newest };
}

export function mergeTimeline(base: string | undefined, ours: string, theirs: string): TimelineMerge {
  const [b, o, t] = [base === undefined ? undefined : split(base), split(ours), split(theirs)];
  const [ao, at] = [additions(b, o), additions(b, t)];
  const newer =
    ao.count && at.count && ao.newest !== at.newest ? (ao.newest > at.newest ? 'ours' : 'theirs') : undefined;
  const result = { added: { ours: ao.count, theirs: at.count }, newer } as const;
  if (ours === theirs || base === theirs) return { ...result, body: ours, kept: [] };
  if (base === ours) return { ...result, body: theirs, kept: [] };
  const kept: Kept[] = [];
  const note = (field: string, k: { value: string | null }[]) => k.forEach((x) => kept.push({ field, value: x.value }));
  const preamble = mergeText(b?.preamble, o.preamble, t.preamble);
  note('body', preamble.kept);
  const parts = new Map<string, Part>();
  const bp = b?.parts ?? new Map<string, Part>();
  for (const key of new Set([...bp.keys(), ...o.parts.keys(), ...t.parts.keys()])) {
    const [bi, oi, ti] = [bp.get(key), o.parts.get(key), t.parts.get(key)];
    const field = (bi?.id ?? oi?.id ?? ti?.id) ? `entries/${bi?.id ?? oi?.id ?? ti?.id}` : 'body';
    if (oi && ti && !bi && oi.text !== ti.text) {
      // added on both sides with different text (the same mail, trimmed differently): one
      // version stays, the other is kept
      const [first, other] = oi.text < ti.text ? [oi, ti] : [ti, oi];
      kept.push({ field, value: other.text });
      parts.set(key, first);
    } else if (oi && ti) {
      const merged = mergeText(bi?.text, oi.text, ti.text);
      note(field, merged.kept);
      const text = normalise(merged.text);
      const again = split(text).parts.values().next().value as Part | undefined;
      parts.set(key, { ...oi, text, at: again?.at ?? Math.min(oi.at, ti.at) });
    } else if (!bi) parts.set(key, (oi ?? ti)!);
    else if (oi || ti) {
      // removed on one side: gone, unless the other side changed it
      const other = (oi ?? ti)!;
      if (other.text !== bi.text) {
        kept.push({ field, value: null });
        parts.set(key, other);
      }
    }
  }
  const order = mergeOrder([...bp.keys()], [...o.parts.keys()], [...t.parts.keys()], (k) => parts.has(k));
  const sorted = order
    .map((k, i) => ({ part: parts.get(k)!, i }))
    .sort((x, y) => x.part.at - y.part.at || x.i - y.i)
    .map((x) => x.part.text);
  return { ...result, body: preamble.text + sorted.join('\n'), kept };
}

/** How many entries `after` has that `before` (a version of the same file, if any) lacks. */
export function countNewEntries(before: string | undefined, after: string): number {
  return additions(before === undefined ? undefined : split(before), split(after)).count;
}
