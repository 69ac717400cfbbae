// The schema of each kind of record's front matter: every field's rule, checked one by one
// so all problems are reported. Pure: the parsed data and node positions come in.
import * as v from 'valibot';
import type { Problem, RecordKind } from '../types.js';
import { checkNode, nearest, nodeName, type Locate, type NodePath } from './validate.js';
import * as r from './values.js';

const promise = v.looseObject({
  id: r.reference,
  from: v.picklist(['us', 'them'], (i) => `must be us or them, not ${r.quote(i.input)}`),
  who: v.optional(r.text()),
  what: r.nonEmptyText(),
  due: r.isoDate,
  state: v.optional(
    v.picklist(
      ['open', 'kept', 'broken', 'dropped'],
      (i) => `must be open, kept, broken or dropped, not ${r.quote(i.input)}`,
    ),
  ),
  made: v.optional(r.isoDate),
  closed: v.optional(r.isoDate),
});

const stageChange = v.looseObject(
  { stage: r.nonEmptyText('a stage name'), at: r.isoDate },
  'must be a stage change like {stage: lead, at: 2026-09-01}',
);

const COMMON = {
  id: r.reference,
  created: r.isoDate,
  tags: r.words(r.text()),
  owner: r.reference,
};

// Lists of records in a record: each item is checked alone, so one bad item keeps the others.
const ITEM_LISTS: Readonly<Record<string, string>> = {
  history: 'must be a list like - {stage: lead, at: 2026-09-01}',
  promises: 'must be a list of promises like - {id: p-1, from: us, what: ..., due: 2026-12-01}',
};

/** Each kind's fields and their rules; a field not listed here is kept as written. */
const RECORD_FIELDS: Readonly<Record<RecordKind, Readonly<Record<string, v.GenericSchema>>>> = {
  contact: {
    ...COMMON,
    name: r.nonEmptyText(),
    emails: r.words(r.email),
    phones: r.words(r.text()),
    org: r.reference,
    title: r.text(),
    cadence: r.cadence,
    referred_by: r.reference,
    postcode: r.text(),
  },
  org: { ...COMMON, name: r.nonEmptyText(), domains: r.words(r.domain), postcode: r.text() },
  deal: {
    ...COMMON,
    title: r.nonEmptyText(),
    org: r.reference,
    contacts: r.words(r.reference),
    stage: r.nonEmptyText('a stage name'),
    history: stageChange,
    amount: r.amount,
    currency: r.currency,
    probability: r.probability,
    close: r.isoDate,
    source: r.text(),
    referred_by: r.reference,
    lost_reason: r.text(),
  },
  conversation: {
    ...COMMON,
    subject: r.text(),
    participants: r.words(r.reference),
    org: r.reference,
    deal: r.reference,
    turn: v.picklist(['us', 'them', 'closed'], (i) => `must be us, them or closed, not ${r.quote(i.input)}`),
    next: r.isoDate,
    promises: promise,
    closed_reason: r.text(),
  },
};

const REQUIRED: Readonly<Record<RecordKind, readonly string[]>> = {
  contact: ['id', 'name'],
  org: ['id', 'name'],
  deal: ['id', 'title', 'stage'],
  conversation: ['id'],
};

// Text that YAML reads as a number loses what matters (0612345678, +4930123): quote it.
const ALWAYS_TEXT = new Set(['id', 'phones', 'postcode']);
const TEXT_FIELDS = new Set([
  ...ALWAYS_TEXT,
  ...['name', 'title', 'subject', 'source', 'tags', 'lost_reason', 'closed_reason'],
  ...['org', 'owner', 'referred_by', 'contacts', 'participants', 'deal', 'stage'],
]);

/** Whether a field holds text (or a list of text): a value typed for it is never read as a number. */
export function isTextField(key: string): boolean {
  return TEXT_FIELDS.has(key) || ['emails', 'domains', 'currency', 'cadence', 'turn'].includes(key);
}

/** A scalar YAML typed as a number or yes/no, as its text was written. */
function asWritten(value: unknown, path: NodePath, locate: Locate): { value: unknown; typed: NodePath[] } {
  const typed: NodePath[] = [];
  const one = (x: unknown, p: NodePath): unknown => {
    if (typeof x !== 'number' && typeof x !== 'boolean') return x;
    typed.push(p);
    return locate(p)?.source ?? String(x);
  };
  const out = Array.isArray(value) ? value.map((x, i) => one(x, [...path, i])) : one(value, path);
  return { value: out, typed };
}

/** A record's fields checked against its kind's schema: valid values, and a problem for each other. */
export function recordFields(
  kind: RecordKind,
  data: Readonly<Record<string, unknown>>,
  locate: Locate,
  file: string,
): { fields: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const fields: Record<string, unknown> = {};
  for (const key of REQUIRED[kind]) {
    const value = data[key];
    if (value === undefined || value === null || value === '') {
      const { line, col } = nearest(locate, [key], { line: 2, col: 1 });
      problems.push({
        file,
        line,
        col,
        severity: 'error',
        message: `missing required key "${key}"`,
        hint: `add a line "${key}: ..." to the front matter`,
      });
    }
  }
  for (const [key, schema] of Object.entries(RECORD_FIELDS[kind])) {
    let value = data[key];
    if (value === undefined || value === null) continue;
    if (value === '' && REQUIRED[kind].includes(key)) continue;
    if (TEXT_FIELDS.has(key)) {
      const written = asWritten(value, [key], locate);
      value = written.value;
      if (ALWAYS_TEXT.has(key))
        for (const p of written.typed) {
          const { line, col } = nearest(locate, p);
          const source = locate(p)?.source ?? '';
          problems.push({
            file,
            line,
            col,
            severity: 'warning',
            message: `${nodeName(p)} ${source} reads as a number in YAML: quote it`,
            hint: `write "${source}" in quotes, so no leading zero or "+" is lost`,
          });
        }
    }
    if (key === 'amount') {
      const source = locate([key])?.source;
      if (typeof value === 'number' && source !== undefined && (!r.isAmountSource(source) || !r.isAmount(value))) {
        const { line, col } = nearest(locate, [key]);
        const message = `amount ${r.AMOUNT_RULE}, not ${source}`;
        problems.push({ file, line, col, severity: 'error', message });
        continue;
      }
    }
    if (ITEM_LISTS[key]) {
      const items = Array.isArray(value) ? value : undefined;
      if (!items) {
        const { line, col } = nearest(locate, [key]);
        problems.push({ file, line, col, severity: 'error', message: `${key} ${ITEM_LISTS[key]}` });
        continue;
      }
      fields[key] = items.flatMap((item, i) => {
        const checked = checkNode(schema, item, { file, path: [key, i], locate });
        problems.push(...checked.problems);
        return checked.value === undefined ? [] : [checked.value];
      });
      continue;
    }
    const checked = checkNode(schema, value, { file, path: [key], locate });
    problems.push(...checked.problems);
    if (checked.value !== undefined) fields[key] = checked.value;
  }
  return { fields, problems };
}
