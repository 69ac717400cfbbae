// Turns parsed record files into typed records, reporting every field that is not what the
// format says. Pure over text; reading files is repo.ts's job.
import { parseTimeline } from '../core/conversation/index.js';
import {
  TURNS,
  type AnyRecord,
  type Contact,
  type Conversation,
  type Deal,
  type Org,
  type Problem,
  type Promise_,
  type RecordKind,
  type StageChange,
  type Turn,
} from '../core/model/index.js';
import { isIsoDate } from '../core/time/index.js';
import { parseFile, type ParsedFile } from './front-matter.js';
import { kindOfPath, slugOfPath } from './layout.js';

class FieldReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly parsed: ParsedFile,
    private readonly file: string,
  ) {}

  private at(key: string) {
    return this.parsed.positions[key] ?? { line: 2, col: 1 };
  }

  problem(key: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error') {
    const { line, col } = this.at(key);
    this.problems.push({ file: this.file, line, col, message, hint, severity });
  }

  string(key: string, required = false): string | undefined {
    const v = this.parsed.data[key];
    if (v === undefined || v === null || v === '') {
      if (required) this.problem(key, `missing required key "${key}"`, `add a line "${key}: ..." to the front matter`);
      return undefined;
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.problem(key, `"${key}" must be text, not ${Array.isArray(v) ? 'a list' : 'a mapping'}`);
    return undefined;
  }

  list(key: string): string[] {
    const v = this.parsed.data[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string' || typeof v === 'number') return [String(v)];
    if (Array.isArray(v) && v.every((i) => typeof i === 'string' || typeof i === 'number')) return v.map(String);
    this.problem(key, `"${key}" must be a list of words, like ${key}: [a, b]`);
    return [];
  }

  number(key: string): number | undefined {
    const v = this.parsed.data[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.problem(key, `"${key}" must be a number, not ${JSON.stringify(v)}`, 'write plain digits, like 48000 or 0.6');
    return undefined;
  }

  date(key: string, required = false): string | undefined {
    const v = this.string(key, required);
    if (v === undefined) return undefined;
    if (!isIsoDate(v)) {
      this.problem(key, `"${key}" is not a real date: "${v}"`, 'dates are written YYYY-MM-DD, like 2026-11-27');
      return undefined;
    }
    return v;
  }
}

function base(kind: RecordKind, path: string, parsed: ParsedFile, r: FieldReader) {
  return {
    kind,
    id: r.string('id', true) ?? '',
    slug: slugOfPath(path),
    path,
    data: parsed.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    fieldLines: Object.fromEntries(Object.entries(parsed.positions).map(([k, v]) => [k, v.line])),
    created: r.date('created'),
    tags: r.list('tags'),
    owner: r.string('owner'),
  };
}

function readPromises(raw: unknown, r: FieldReader): Promise_[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    r.problem('promises', '"promises" must be a list of promises');
    return [];
  }
  const out: Promise_[] = [];
  raw.forEach((p, i) => {
    const o = (p ?? {}) as Record<string, unknown>;
    const str = (k: string) => (o[k] === undefined || o[k] === null ? undefined : String(o[k]));
    const from = str('from');
    const state = str('state') ?? 'open';
    const due = str('due');
    if (typeof p !== 'object' || !str('id') || !str('what') || !due) {
      r.problem('promises', `promise ${i + 1} needs id, what and due`);
      return;
    }
    if (from !== 'us' && from !== 'them')
      return r.problem('promises', `promise ${i + 1}: "from" must be us or them, not "${from}"`);
    if (!['open', 'kept', 'broken', 'dropped'].includes(state))
      return r.problem('promises', `promise ${i + 1}: unknown state "${state}"`, 'one of open, kept, broken, dropped');
    if (!isIsoDate(due)) return r.problem('promises', `promise ${i + 1}: "due" is not a real date: "${due}"`);
    out.push({
      id: str('id')!,
      from,
      who: str('who'),
      what: str('what')!,
      due,
      state: state as Promise_['state'],
      made: str('made'),
      closed: str('closed'),
    });
  });
  return out;
}

function readHistory(raw: unknown, r: FieldReader): StageChange[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    r.problem('history', '"history" must be a list like - {stage: lead, at: 2026-09-01}');
    return [];
  }
  const out: StageChange[] = [];
  raw.forEach((h, i) => {
    const o = (h ?? {}) as Record<string, unknown>;
    if (typeof o.stage !== 'string' || typeof o.at !== 'string' || !isIsoDate(o.at)) {
      r.problem('history', `history item ${i + 1} needs a stage and a real date: {stage: lead, at: 2026-09-01}`);
      return;
    }
    out.push({ stage: o.stage, at: o.at });
  });
  return out;
}

export interface ReadResult {
  readonly record?: AnyRecord;
  readonly problems: readonly Problem[];
}

/**
 * Parses one record file's text; `path` is relative to the repository root. `parse` is the
 * front-matter reader: the single-file one by default, the bulk one for many files.
 */
export function readRecord(path: string, text: string, parse = parseFile): ReadResult {
  const kind = kindOfPath(path);
  if (!kind) return { problems: [] };
  const parsed = parse(text, path);
  if (parsed.problems.length) return { problems: parsed.problems };
  const r = new FieldReader(parsed, path);
  const b = base(kind, path, parsed, r);
  let record: AnyRecord;
  switch (kind) {
    case 'contact':
      record = {
        ...b,
        kind,
        name: r.string('name', true) ?? b.slug,
        emails: r.list('emails').map((e) => e.toLowerCase()),
        phones: r.list('phones'),
        org: r.string('org'),
        title: r.string('title'),
        cadence: r.string('cadence'),
        referred_by: r.string('referred_by'),
      } satisfies Contact;
      break;
    case 'org':
      record = {
        ...b,
        kind,
        name: r.string('name', true) ?? b.slug,
        domains: r.list('domains').map((d) => d.toLowerCase()),
      } satisfies Org;
      break;
    case 'deal':
      record = {
        ...b,
        kind,
        title: r.string('title', true) ?? b.slug,
        org: r.string('org'),
        contacts: r.list('contacts'),
        stage: r.string('stage', true) ?? '',
        history: readHistory(parsed.data.history, r),
        amount: r.number('amount'),
        currency: r.string('currency'),
        probability: r.number('probability'),
        close: r.date('close'),
        source: r.string('source'),
        referred_by: r.string('referred_by'),
        lost_reason: r.string('lost_reason'),
      } satisfies Deal;
      break;
    case 'conversation': {
      const timeline = parseTimeline(parsed.body, path, parsed.bodyLine);
      r.problems.push(...timeline.problems);
      const turn = r.string('turn') ?? 'us';
      if (!TURNS.includes(turn as Turn)) r.problem('turn', `unknown turn "${turn}"`, 'one of us, them, closed');
      record = {
        ...b,
        kind,
        subject: r.string('subject') ?? b.slug,
        participants: r.list('participants'),
        org: r.string('org'),
        deal: r.string('deal'),
        turn: TURNS.includes(turn as Turn) ? (turn as Turn) : 'us',
        next: r.date('next'),
        promises: readPromises(parsed.data.promises, r),
        entries: timeline.entries,
        closed_reason: r.string('closed_reason'),
      } satisfies Conversation;
      break;
    }
  }
  return { record, problems: r.problems };
}

/** The errors a record file's text has (warnings aside). */
export function recordErrors(path: string, text: string): Problem[] {
  return readRecord(path, text).problems.filter((p) => p.severity === 'error');
}

/** Errors the new text has that the old one did not: what an edit would break. */
export function addedErrors(path: string, before: string, after: string): Problem[] {
  const known = new Set(readRecord(path, before).problems.map((p) => p.message));
  return recordErrors(path, after).filter((p) => !known.has(p.message));
}
