// Turns parsed record files into typed records, reporting every field that is not what the
// format says. Pure over text; reading files is repo.ts's job.
import { isValidDate, parseTimeline } from '../core/timeline.js';
import {
  DEFAULT_FOLLOWUP, DEFAULT_STAGES, TURNS,
  type AnyRecord, type Contact, type Conversation, type Deal, type FollowUpSettings, type Member, type Org,
  type Problem, type Promise_, type RecordKind, type StageChange, type TeamSettings, type Turn,
} from '../core/types.js';
import { parseFile, type ParsedFile } from './front-matter.js';

export const KIND_DIRS: Record<RecordKind, string> = {
  contact: 'contacts', org: 'orgs', deal: 'deals', conversation: 'conversations',
};

/** The kind of record a repository path holds, or undefined for other files. */
export function kindOfPath(path: string): RecordKind | undefined {
  if (/^contacts\/[^/]+\.md$/.test(path)) return 'contact';
  if (/^orgs\/[^/]+\.md$/.test(path)) return 'org';
  if (/^deals\/[^/]+\.md$/.test(path)) return 'deal';
  if (/^conversations\/\d{4}\/[^/]+\.md$/.test(path)) return 'conversation';
  return undefined;
}

export function slugOfPath(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

class FieldReader {
  readonly problems: Problem[] = [];
  constructor(private readonly parsed: ParsedFile, private readonly file: string) {}

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
    if (!isValidDate(v)) {
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
    if (from !== 'us' && from !== 'them') return r.problem('promises', `promise ${i + 1}: "from" must be us or them, not "${from}"`);
    if (!['open', 'kept', 'broken'].includes(state)) return r.problem('promises', `promise ${i + 1}: unknown state "${state}"`, 'one of open, kept, broken');
    if (!isValidDate(due)) return r.problem('promises', `promise ${i + 1}: "due" is not a real date: "${due}"`);
    out.push({
      id: str('id')!, from, who: str('who'), what: str('what')!, due,
      state: state as Promise_['state'], made: str('made'), closed: str('closed'),
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
    if (typeof o.stage !== 'string' || typeof o.at !== 'string' || !isValidDate(o.at)) {
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

/** Parses one record file's text; `path` is relative to the repository root. */
export function readRecord(path: string, text: string): ReadResult {
  const kind = kindOfPath(path);
  if (!kind) return { problems: [] };
  const parsed = parseFile(text, path);
  if (parsed.problems.length) return { problems: parsed.problems };
  const r = new FieldReader(parsed, path);
  const b = base(kind, path, parsed, r);
  let record: AnyRecord;
  switch (kind) {
    case 'contact':
      record = {
        ...b, kind, name: r.string('name', true) ?? b.slug, emails: r.list('emails').map((e) => e.toLowerCase()),
        phones: r.list('phones'), org: r.string('org'), title: r.string('title'), cadence: r.string('cadence'),
        referred_by: r.string('referred_by'),
      } satisfies Contact;
      break;
    case 'org':
      record = { ...b, kind, name: r.string('name', true) ?? b.slug, domains: r.list('domains').map((d) => d.toLowerCase()) } satisfies Org;
      break;
    case 'deal':
      record = {
        ...b, kind, title: r.string('title', true) ?? b.slug, org: r.string('org'), contacts: r.list('contacts'),
        stage: r.string('stage', true) ?? '', history: readHistory(parsed.data.history, r), amount: r.number('amount'),
        currency: r.string('currency'), probability: r.number('probability'), close: r.date('close'),
        source: r.string('source'), referred_by: r.string('referred_by'), lost_reason: r.string('lost_reason'),
      } satisfies Deal;
      break;
    case 'conversation': {
      const timeline = parseTimeline(parsed.body, path, parsed.bodyLine);
      r.problems.push(...timeline.problems);
      const turn = r.string('turn') ?? 'us';
      if (!TURNS.includes(turn as Turn)) r.problem('turn', `unknown turn "${turn}"`, 'one of us, them, closed');
      record = {
        ...b, kind, subject: r.string('subject') ?? b.slug, participants: r.list('participants'), org: r.string('org'),
        deal: r.string('deal'), turn: TURNS.includes(turn as Turn) ? (turn as Turn) : 'us', next: r.date('next'),
        promises: readPromises(parsed.data.promises, r), entries: timeline.entries, closed_reason: r.string('closed_reason'),
      } satisfies Conversation;
      break;
    }
  }
  return { record, problems: r.problems };
}

/** Reads kith.yaml's parsed data into settings, with defaults for what is missing. */
export function readSettings(data: Record<string, unknown>, file = 'kith.yaml'): { settings: TeamSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (message: string) => problems.push({ file, line: 1, col: 1, message, severity: 'error' });
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const members: Member[] = Array.isArray(data.members)
    ? data.members.flatMap((m) => {
      const o = (m ?? {}) as Record<string, unknown>;
      if (typeof o.handle !== 'string') { bad('each member needs a handle'); return []; }
      return [{ handle: o.handle, name: typeof o.name === 'string' ? o.name : o.handle, emails: list(o.emails).map((e) => e.toLowerCase()) }];
    })
    : [];
  const stages = Array.isArray(data.stages)
    ? data.stages.flatMap((s) => {
      const o = (typeof s === 'string' ? { name: s } : s ?? {}) as Record<string, unknown>;
      if (typeof o.name !== 'string') { bad('each stage needs a name'); return []; }
      const p = typeof o.probability === 'number' ? o.probability : 0;
      if (p < 0 || p > 1) bad(`stage "${o.name}": probability must be between 0 and 1`);
      return [{ name: o.name, probability: p }];
    })
    : DEFAULT_STAGES;
  const f = (data.followup ?? {}) as Record<string, unknown>;
  const num = (k: keyof FollowUpSettings) => (typeof f[k] === 'number' ? (f[k] as number) : (DEFAULT_FOLLOWUP[k] as number));
  const rates: Record<string, number> = {};
  for (const [k, v] of Object.entries((data.rates ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'number' && v > 0) rates[k.toUpperCase()] = v;
    else bad(`rate for ${k} must be a positive number`);
  }
  const holidays = list(f.holidays);
  for (const h of holidays) if (!isValidDate(h)) bad(`holiday "${h}" is not a real date`);
  return {
    settings: {
      name: typeof data.name === 'string' ? data.name : 'Our team',
      domains: list(data.domains).map((d) => d.toLowerCase()),
      members,
      currency: typeof data.currency === 'string' ? data.currency.toUpperCase() : 'EUR',
      rates,
      stages,
      followup: {
        reply_days: num('reply_days'), nudge_days: num('nudge_days'), stale_days: num('stale_days'),
        workdays: f.workdays ? list(f.workdays).map((d) => d.slice(0, 3).toLowerCase()) : DEFAULT_FOLLOWUP.workdays,
        holidays: holidays.filter(isValidDate),
      },
    },
    problems,
  };
}
