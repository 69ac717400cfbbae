// Front matter cut into its pieces, so a merge can take each key's bytes (its comments,
// quoting, layout) from the side that wrote them: one piece per top-level key, and for a
// block list or mapping under it, one per item or key. Pure over text; the YAML parser finds the pieces.
import {
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { YAML_OPTIONS } from '../front-matter.js';

export interface Piece {
  readonly key: string;
  /** Blank and comment lines before it. */
  readonly lead: string;
  /** Its lines: `key: value` (with a block value's lines), or `- item`. */
  readonly text: string;
  readonly value: unknown;
  /** The pair as parsed, to render a new value the way this one is written. */
  readonly pair?: Pair;
  /** For a block list or mapping: the key line, its items (or keys) and what follows the last. */
  readonly list?: ListLayout;
}

interface ListLayout {
  readonly header: string;
  readonly items: readonly Piece[];
  readonly tail: string;
  /** The column of the items' dashes (or keys). */
  readonly indent: number;
  /** A mapping: its items are its keys. */
  readonly mapping: boolean;
}

export interface Layout {
  readonly pieces: ReadonlyMap<string, Piece>;
  readonly order: readonly string[];
  /** Comment and blank lines after the last key. */
  readonly tail: string;
  readonly data: Record<string, unknown>;
}

/** The offset just past the end of the line `offset` is on. */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** `offset` if a line starts there, else the end of its line: where a node's last line ends. */
const lineEnd = (text: string, offset: number) =>
  offset > 0 && text[offset - 1] === '\n' ? offset : endOfLine(text, offset);

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

function listLayout(
  text: string,
  node: YAMLSeq | YAMLMap,
  start: number,
  end: number,
  doc: Document,
  keyOf: (item: unknown) => string,
): ListLayout | undefined {
  if (node.flow || !node.items.length) return undefined;
  const items: Piece[] = [];
  let prev = endOfLine(text, start);
  const header = text.slice(start, prev);
  let indent = -1;
  for (const item of node.items as (Node | Pair)[]) {
    // a list item starts at its dash; a mapping's at its key
    const pair = isPair(item) ? item : undefined;
    const first = pair ? (pair.key as Node | null) : (item as Node | null);
    if (!first?.range) return undefined;
    const itemLine = lineStart(text, first.range[0]);
    const before = /^( *)(- +)?$/.exec(text.slice(itemLine, first.range[0]));
    if (!before || Boolean(before[2]) === Boolean(pair) || itemLine < prev) return undefined;
    if (indent >= 0 && before[1]!.length !== indent) return undefined;
    indent = before[1]!.length;
    const last = pair ? ((pair.value as Node | null) ?? first) : first;
    const itemEnd = lineEnd(text, Math.max(first.range[2], last.range?.[2] ?? 0));
    const value = pair ? (isNode(pair.value) ? pair.value.toJS(doc) : pair.value) : (item as Node).toJS(doc);
    const key = pair ? String((first as Scalar).value) : keyOf(value);
    items.push({ key, lead: text.slice(prev, itemLine), text: text.slice(itemLine, itemEnd), value, pair });
    prev = itemEnd;
  }
  if (prev > end) return undefined;
  return { header, items, tail: text.slice(prev, end), indent, mapping: isMap(node) };
}

/**
 * The pieces of a front matter text, or undefined when it is not a block mapping of plain
 * keys (a merge then renders it anew). `keyOf` names a list's items as the merge does.
 */
export function layoutOf(text: string, keyOf: (key: string, item: unknown) => string): Layout | undefined {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length) return undefined;
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  if (doc.contents === null) return { pieces: new Map(), order: [], tail: text, data };
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  const pieces = new Map<string, Piece>();
  let prev = 0;
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || !keyNode.range || lineStart(text, keyNode.range[0]) !== keyNode.range[0])
      return undefined;
    const key = String(keyNode.value);
    const value = pair.value as Node | null;
    const start = keyNode.range[0];
    const end = lineEnd(text, Math.max(keyNode.range[2], value?.range?.[2] ?? 0));
    const nested = isSeq(value) || isMap(value);
    const list = nested ? listLayout(text, value, start, end, doc, (item) => keyOf(key, item)) : undefined;
    pieces.set(key, { key, lead: text.slice(prev, start), text: text.slice(start, end), value: data[key], pair, list });
    prev = end;
  }
  return { pieces, order: [...pieces.keys()], tail: text.slice(prev), data };
}
