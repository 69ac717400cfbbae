// Values rendered as YAML for an edit in place: a scalar on one line in the quotes it had, a
// collection in flow style ({stage: won, at: 2026-11-25}) or in block style at an indent.
import { Document, isMap, isSeq, type Scalar } from 'yaml';

const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A scalar as YAML on one line, quoted as `like` was when it is text; undefined if it needs more lines. */
export function renderScalar(value: unknown, like: Scalar): string | undefined {
  const doc = new Document(value, { version: '1.2' });
  const node = doc.contents as Scalar;
  if (typeof value === 'string' && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE'))
    node.type = like.type;
  const out = doc.toString(RENDER).replace(/\n$/, '');
  return out.includes('\n') ? undefined : out;
}

/** A value in flow style, for a flow collection: {stage: won, at: 2026-11-25}. */
export function renderFlow(value: unknown): string {
  const doc = new Document(value, { version: '1.2' });
  if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString(RENDER).trim();
}

/** A value in block style, every line after the first indented to `indent`. */
export function renderBlock(value: unknown, indent: number): string[] {
  const lines = new Document(value, { version: '1.2' }).toString(RENDER).replace(/\n$/, '').split('\n');
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
}
