// Front matter edited in place: only the changed keys' bytes are rewritten; comments, key
// order, quoting and the body stay as they were. Also new record files. Pure text.
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isNode, isScalar, isSeq, parse, parseDocument, YAMLMap, type Pair, type Scalar } from 'yaml';
import { parseAmount } from '../core/model/index.js';
import { isTextField } from '../core/model/schema/index.js';
import { parseFile, YAML_OPTIONS, type ParsedFile } from './front-matter.js';
import { removePair, spliceValue } from './yaml-splice.js';

/** The value a key is changed to; `undefined` removes the key. */
export type FieldChanges = Readonly<Record<string, unknown>>;

export function renderPair(key: string, value: unknown, like?: Pair): string {
  const doc = new Document({ [key]: value }, { version: '1.2' });
  const node = (doc.contents as YAMLMap).items[0]?.value;
  const old = like?.value;
  if (old && node) {
    if ((isSeq(old) || isMap(old)) && (isSeq(node) || isMap(node)) && old.flow) node.flow = true;
    // history: - {stage: lead, at: 2026-09-01} keeps its one-line items
    if (isSeq(old) && isSeq(node) && old.items.length && old.items.every((i) => isMap(i) && i.flow)) {
      for (const item of node.items) if (isMap(item)) item.flow = true;
    }
    if (
      isScalar(old) &&
      isScalar(node) &&
      typeof node.value === 'string' &&
      (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE')
    ) {
      node.type = old.type;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/**
 * Changes top-level keys of the YAML text and returns the new text. Only the changed
 * pairs are rewritten; comments, order, quoting and all other bytes stay as they were.
 */
function editYaml(yamlText: string, changes: FieldChanges): string {
  let text = yamlText;
  for (const [key, value] of Object.entries(changes)) {
    const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: true });
    const map = doc.contents;
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
    if (!pair) {
      if (value === undefined) continue;
      const sep = text === '' || text.endsWith('\n') ? '' : '\n';
      text = `${text}${sep}${renderPair(key, value)}\n`;
      continue;
    }
    // writing a key's own value back changes nothing, not even its quoting or comment
    if (value !== undefined && isDeepStrictEqual(isNode(pair.value) ? pair.value.toJS(doc) : pair.value, value))
      continue;
    if (value === undefined) {
      text = removePair(text, pair as Pair);
      continue;
    }
    // a list item or a nested key changes alone; a value that changed shape is written whole
    const spliced = spliceValue(text, doc, pair as Pair, value);
    if (spliced !== undefined) {
      text = spliced;
      continue;
    }
    const keyNode = pair.key as Scalar;
    const start = keyNode.range![0];
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    let end = valueNode?.range ? valueNode.range[1] : text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // a block collection's range ends after its last newline: keep that newline
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    text = text.slice(0, start) + renderPair(key, value, pair as Pair) + text.slice(end);
  }
  return text;
}

/** Applies field changes to a whole record file, leaving the body untouched. */
export function editFile(fileText: string, parsed: ParsedFile, changes: FieldChanges): string {
  const yamlText = fileText.slice(parsed.matterStart, parsed.matterEnd);
  const edited = editYaml(yamlText, changes);
  return fileText.slice(0, parsed.matterStart) + edited + fileText.slice(parsed.matterEnd);
}

/** Renders a new record file from fields and a body. */
export function renderFile(fields: Readonly<Record<string, unknown>>, body: string): string {
  const clean = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
  const doc = new Document(clean, { version: '1.2' });
  for (const item of (doc.contents as YAMLMap).items) {
    const v = item.value;
    // short lists of plain words read best on one line: tags: [vip, emea]
    if (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value !== 'object') && JSON.stringify(v).length < 60)
      v.flow = true;
    // and small records one to a line: - {stage: lead, at: 2026-09-01}
    if (isSeq(v)) for (const i of v.items) if (isMap(i) && i.items.length <= 3) i.flow = true;
  }
  const yamlText = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yamlText}---\n${body}`;
}

/**
 * A record file with some keys changed and, optionally, its body rewritten (a timeline entry
 * appended): the front matter edit and the body splice in one place.
 */
export function editRecordText(
  text: string,
  path: string,
  changes: FieldChanges,
  body?: (body: string) => string,
): string {
  const edited = Object.keys(changes).length ? editFile(text, parseFile(text, path), changes) : text;
  if (!body) return edited;
  const current = parseFile(edited, path).body;
  return edited.slice(0, edited.length - current.length) + body(current);
}

// A list field given one word is a list of one: phones=+4930123 -> ["+4930123"].
const LIST_FIELDS = new Set(['emails', 'phones', 'tags', 'domains', 'contacts', 'participants']);

/**
 * A value typed as `key=value`: `48000` is a number, `[a, b]` a list, anything else text. A
 * text field (phones, ids, names...) keeps every character: +4930123 and 0612 stay text.
 */
export function parseFieldValue(raw: string, key = ''): unknown {
  if (raw === '') return undefined;
  if (key === 'amount') return parseAmount(raw);
  const text = isTextField(key);
  try {
    const value = parse(raw, { version: '1.2', schema: text ? 'failsafe' : 'core' }) as unknown;
    if (text && LIST_FIELDS.has(key) && typeof value === 'string' && !/^[[{]/.test(raw.trim())) return [value];
    if (value === null) return raw;
    if (typeof value === 'object' && !/^[[{]/.test(raw.trim())) return raw;
    return value;
  } catch {
    return raw;
  }
}
