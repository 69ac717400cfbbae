// Edits one YAML value in place, as small as the change: a changed scalar is re-rendered in
// its own bytes (keeping its quotes and comment), a map gains, loses or changes only the keys
// that differ, a list keeps every unchanged item byte for byte (comments included) and edits,
// adds or removes only the others. Undefined when only re-rendering the whole value can do it.
import { isDeepStrictEqual } from 'node:util';
import { renderBlock, renderFlow, renderScalar } from './yaml-render.js';
import { Document, isMap, isNode, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** [start, end) becomes `text`. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Ctx {
  readonly text: string;
  readonly doc: Document.Parsed;
  /** The file's line ending: new lines are written with it. */
  readonly eol: string;
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
/** Where the line holding `pos` ends: at its \r\n or \n (or the end of the text). */
const lineEnd = (text: string, pos: number) => {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
};
const nextLine = (text: string, end: number) => (text[end] === '\r' ? end + 2 : end + 1);
const column = (text: string, pos: number) => pos - lineStart(text, pos);
const startOf = (node: Node) => node.range![0];

/** The end of a node's own content, before trailing newlines (a block collection's range holds them). */
function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > startOf(node) && /\s/.test(text[end - 1]!)) end--;
  return end;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isFlowCollection = (n: unknown) => (isMap(n) || isSeq(n)) && n.flow === true;

const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

/** Cuts whole lines, from the line of `start` through the line of `end`, with the comments indented under them. */
function cutLines(text: string, start: number, end: number, indent: number): Splice {
  let to = lineEnd(text, end);
  for (;;) {
    const next = nextLine(text, to);
    const m = /^([ \t]*)#/.exec(text.slice(next, lineEnd(text, next)));
    if (next >= text.length || !m || m[1]!.length <= indent) break;
    to = lineEnd(text, next);
  }
  return { start: lineStart(text, start), end: Math.min(text.length, nextLine(text, to)), text: '' };
}

/** The text without a top-level pair: its lines and the comments indented under them. */
export function removePair(text: string, pair: Pair): string {
  const key = pair.key as Node;
  const cut = cutLines(
    text,
    startOf(key),
    contentEnd(text, (pair.value as Node | null) ?? key),
    column(text, startOf(key)),
  );
  return text.slice(0, cut.start) + text.slice(cut.end);
}

function editMap(ctx: Ctx, node: YAMLMap, value: Record<string, unknown>): Splice[] | undefined {
  const { text } = ctx;
  const out: Splice[] = [];
  const missing = new Set(Object.keys(value));
  const pairs = node.items as Pair[];
  for (const pair of pairs) {
    const key = keyOf(pair);
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node | null;
    if (!missing.has(key)) {
      if (node.flow) return undefined;
      out.push(
        cutLines(text, startOf(keyNode), contentEnd(text, valueNode ?? keyNode), column(text, startOf(keyNode))),
      );
      continue;
    }
    missing.delete(key);
    const inner = valueNode && isNode(valueNode) ? editNode(ctx, valueNode, value[key]) : undefined;
    if (!inner) return undefined;
    out.push(...inner);
  }
  if (!missing.size) return out;
  const added = Object.fromEntries([...missing].map((k) => [k, value[k]]));
  if (node.flow) {
    const close = contentEnd(text, node) - 1; // at the closing }
    const items = renderFlow(added).slice(1, -1);
    return [...out, { start: close, end: close, text: `${pairs.length ? ', ' : ''}${items}` }];
  }
  const last = pairs.at(-1);
  if (!last) return undefined;
  const indent = column(text, startOf(last.key as Node));
  const at = lineEnd(text, contentEnd(text, (last.value ?? last.key) as Node));
  const lines = renderBlock(added, indent).join(ctx.eol);
  return [...out, { start: at, end: at, text: `${ctx.eol}${' '.repeat(indent)}${lines}` }];
}

/** Longest common subsequence of equal items: which old items stay, as which new ones. */
function kept(old: readonly unknown[], now: readonly unknown[]): [number, number][] {
  const n = old.length;
  const m = now.length;
  const same = (i: number, j: number) => isDeepStrictEqual(old[i], now[j]);
  const t = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      t[i]![j] = same(i, j) ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(i, j)) out.push([i++, j++]);
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/** New list items after `anchor` (or before the first item): `- ` lines, or `, item` in a flow list. */
function addItems(ctx: Ctx, node: YAMLSeq, anchor: Node | undefined, extra: readonly unknown[]): Splice | undefined {
  const { text } = ctx;
  if (node.flow) {
    const items = extra.map(renderFlow).join(', ');
    if (anchor) return { start: contentEnd(text, anchor), end: contentEnd(text, anchor), text: `, ${items}` };
    const open = startOf(node) + 1;
    return { start: open, end: open, text: node.items.length ? `${items}, ` : items };
  }
  const first = node.items[0] as Node | undefined;
  const near = anchor ?? first;
  if (!near) return undefined;
  const dash = column(text, startOf(near)) - 2;
  // one-line items ({stage: lead, at: ...}) get new one-line items
  const oneLine = node.items.length > 0 && node.items.every(isFlowCollection);
  const lines = extra.flatMap((v) => {
    const body = oneLine ? [renderFlow(v)] : renderBlock(v, dash + 2);
    return [`${' '.repeat(dash)}- ${body[0]}`, ...body.slice(1)];
  });
  if (anchor) {
    const at = lineEnd(text, contentEnd(text, anchor));
    return { start: at, end: at, text: `${ctx.eol}${lines.join(ctx.eol)}` };
  }
  const at = lineStart(text, startOf(first!));
  return { start: at, end: at, text: `${lines.join(ctx.eol)}${ctx.eol}` };
}

function editSeq(ctx: Ctx, node: YAMLSeq, value: readonly unknown[]): Splice[] | undefined {
  const { text } = ctx;
  const items = node.items as Node[];
  if (!items.every(isNode)) return undefined;
  const old = items.map((i) => i.toJS(ctx.doc));
  const out: Splice[] = [];
  let i = 0;
  let j = 0;
  for (const [ki, kj] of [...kept(old, value), [items.length, value.length] as [number, number]]) {
    // between two kept items: the old ones change in place, pairwise; the rest go or come
    const gapOld = items.slice(i, ki);
    const gapNew = value.slice(j, kj);
    const both = Math.min(gapOld.length, gapNew.length);
    for (let k = 0; k < both; k++) {
      const inner = editNode(ctx, gapOld[k]!, gapNew[k]);
      if (!inner) return undefined;
      out.push(...inner);
    }
    for (const gone of gapOld.slice(both)) {
      if (node.flow) return undefined;
      out.push(cutLines(text, startOf(gone), contentEnd(text, gone), column(text, startOf(gone)) - 2));
    }
    if (gapNew.length > both) {
      const anchor = both > 0 ? gapOld[both - 1] : i > 0 ? items[i - 1] : undefined;
      const added = addItems(ctx, node, anchor, gapNew.slice(both));
      if (!added) return undefined;
      out.push(added);
    }
    i = ki + 1;
    j = kj + 1;
  }
  return out;
}

function editNode(ctx: Ctx, node: Node, value: unknown): Splice[] | undefined {
  if (isDeepStrictEqual(node.toJS(ctx.doc), value)) return [];
  if (isScalar(node) && isScalarValue(value)) {
    const one = renderScalar(value, node);
    // a block scalar's range takes its last newline along: keep that newline
    return one === undefined ? undefined : [{ start: startOf(node), end: contentEnd(ctx.text, node), text: one }];
  }
  if (isMap(node) && isPlainObject(value)) return editMap(ctx, node, value);
  if (isSeq(node) && Array.isArray(value)) return editSeq(ctx, node, value);
  // a flow collection can take any new value on its own line
  if (isFlowCollection(node))
    return [{ start: startOf(node), end: contentEnd(ctx.text, node), text: renderFlow(value) }];
  return undefined;
}

/**
 * The text with a top-level pair's value changed as finely as possible; undefined when the
 * value must be re-rendered whole (its shape changed, a multi-line scalar).
 */
export function spliceValue(text: string, doc: Document.Parsed, pair: Pair, value: unknown): string | undefined {
  const node = pair.value;
  if (!isNode(node)) return undefined;
  const splices = editNode({ text, doc, eol: text.includes('\r\n') ? '\r\n' : '\n' }, node, value);
  if (!splices) return undefined;
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
