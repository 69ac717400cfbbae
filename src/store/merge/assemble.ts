// The merged front matter as text: each key's piece from the side whose bytes hold the merged
// value (so comments and formatting survive where the other side did not touch them), a block
// list item by item, and only what no side wrote rendered anew. Checked by parsing it back.
import { isDeepStrictEqual } from 'node:util';
import { firstOf, isMapping, KEPT_KEY, mergeText, sameValue } from '../../core/merge/index.js';
import { YAML_OPTIONS } from '../front-matter.js';
import { renderFile, renderPair } from '../front-matter-edit.js';
import { Document, isMap, isScalar, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Layout, Piece } from './layout.js';

type Three<T> = readonly [T | undefined, T | undefined, T | undefined];

const map3 = <T, U>(three: Three<T>, f: (t: T) => U | undefined): Three<U> =>
  three.map((x) => (x === undefined ? undefined : f(x))) as unknown as Three<U>;

/** Comment lines, the way text merges: what one side changed, both sides' when both did. */
function mergeLeads([b, o, t]: Three<string>): string {
  if (o === t) return o ?? '';
  if (b === o) return t ?? '';
  if (b === t) return o ?? '';
  return mergeText(b, o ?? '', t ?? '').text;
}

/** The bytes of one piece holding `value`, when a side's bytes hold it; else undefined. */
function chooseText([b, o, t]: Three<Piece>, value: unknown): string | undefined {
  const fits = (p: Piece | undefined): p is Piece => p !== undefined && sameValue(p.value, value);
  if (o && t && o.text === t.text && fits(o)) return o.text;
  if (o && b && o.text === b.text && fits(t)) return t.text;
  if (t && b && t.text === b.text && fits(o)) return o.text;
  if (fits(o) && fits(t)) return firstOf(o.text, t.text);
  if (fits(o)) return o.text;
  if (fits(t)) return t.text;
  return undefined;
}

/** The pair whose way of writing a new value is copied: the base's, else the one that sorts first. */
function likePair([b, o, t]: Three<Piece>): Pair | undefined {
  if (b?.pair) return b.pair;
  if (o?.pair && t?.pair) return o.text <= t.text ? o.pair : t.pair;
  return (o ?? t)?.pair;
}

/**
 * A key and its value written anew. Kept values get one line each where they fit,
 * `- {field: amount, value: 50000}`, and a block for text of several lines.
 */
function render(key: string, value: unknown, like: Pair | undefined): string {
  if (key !== KEPT_KEY || !Array.isArray(value)) return renderPair(key, value, like);
  const doc = new Document({ [key]: value }, { version: '1.2' });
  const list = (doc.contents as YAMLMap).items[0]!.value as YAMLSeq;
  for (const item of list.items)
    if (isMap(item)) item.flow = item.items.every((p) => !(isScalar(p.value) && /\n/.test(String(p.value.value))));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/** Lines moved to start at column `indent` (their first line's indentation taken off). */
function reindent(text: string, indent: number): string {
  const lines = text.split('\n');
  const own = /^ */.exec(lines[0] ?? '')![0].length;
  return `${lines.map((l) => ' '.repeat(indent) + l.slice(own)).join('\n')}\n`;
}

/** A block list item rendered anew, at the items' indentation. */
function renderItem(key: string, item: unknown, like: Pair | undefined, indent: number): string {
  return reindent(render(key, [item], like).split('\n').slice(1).join('\n'), indent);
}

/** A nested block list (or mapping) merged item by item (key by key): each one's bytes from a side. */
function mergeNested(key: string, sides: Three<Piece>, value: unknown, keyOf: (item: unknown) => string) {
  const lists = map3(sides, (p) => p.list ?? null);
  const present = lists.filter((l) => l !== undefined);
  if (present.some((l) => l === null) || new Set(present.map((l) => `${l!.indent} ${l!.mapping}`)).size !== 1)
    return undefined;
  const { indent, mapping } = present[0]!;
  if (mapping !== isMapping(value) || (!mapping && !Array.isArray(value))) return undefined;
  const entries: [string, unknown][] = mapping
    ? Object.entries(value as Record<string, unknown>)
    : (value as unknown[]).map((item) => [keyOf(item), item]);
  const known = map3(lists, (l) => new Map(l!.items.map((i) => [i.key, i])));
  const items = entries.map(([k, item]) => {
    const three = map3(known, (m) => m.get(k));
    const text =
      chooseText(three, item) ??
      (mapping ? reindent(render(k, item, likePair(three)), indent) : renderItem(key, item, likePair(sides), indent));
    return mergeLeads(map3(three, (p) => p.lead)) + text;
  });
  const header = mergeLeads(map3(lists, (l) => l!.header));
  return `${header}${items.join('')}${mergeLeads(map3(lists, (l) => l!.tail))}`;
}

/** Renders a whole value anew, the way the sides wrote the key (flow or block, quoting). */
const renderPiece = (key: string, value: unknown, sides: Three<Piece>) => `${render(key, value, likePair(sides))}\n`;

function assemble(layouts: Three<Layout>, merged: Record<string, unknown>, itemKey: ItemKey, fresh: boolean): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    const sides = map3(layouts, (l) => l.pieces.get(key));
    const lead = mergeLeads(map3(sides, (p) => p.lead));
    const text =
      chooseText(sides, value) ??
      (fresh ? undefined : mergeNested(key, sides, value, (i) => itemKey(key, i))) ??
      renderPiece(key, value, sides);
    out.push(lead + text);
  }
  return out.join('') + mergeLeads(map3(layouts, (l) => l.tail));
}

type ItemKey = (key: string, item: unknown) => string;

const reads = (text: string, merged: Record<string, unknown>) => {
  const doc = parseDocument(text, YAML_OPTIONS);
  return !doc.errors.length && isDeepStrictEqual(doc.toJS() ?? {}, merged);
};

/**
 * The merged front matter text for `merged` (the merged data, keys in merged order). The
 * sides' layouts are undefined for a side that has no such file (or one kith cannot lay out).
 */
export function mergedFrontMatter(layouts: Three<Layout>, merged: Record<string, unknown>, itemKey: ItemKey): string {
  for (const fresh of [false, true]) {
    const text = assemble(layouts, merged, itemKey, fresh);
    if (reads(text, merged)) return text;
  }
  // the last resort: the data rendered as a new file's front matter, every value intact
  return renderFile(merged, '')
    .replace(/^---\n/, '')
    .replace(/---\n$/, '');
}
