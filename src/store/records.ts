// Turns parsed record files into typed records, reporting every field that is not what the
// format says. Pure over text; reading files is repo.ts's job.
import { parseTimeline } from '../core/conversation/index.js';
import {
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
import { recordFields } from '../core/model/schema/index.js';
import { parseFile, type ParsedFile } from './front-matter.js';
import { kindOfPath, slugOfPath } from './layout.js';

/** A record's checked fields, read by type; a field that broke its rule reads as absent. */
function fieldsOf(fields: Record<string, unknown>) {
  return {
    string: (key: string) => fields[key] as string | undefined,
    list: (key: string) => (fields[key] as string[] | undefined) ?? [],
    number: (key: string) => fields[key] as number | undefined,
  };
}

function base(kind: RecordKind, path: string, parsed: ParsedFile, f: ReturnType<typeof fieldsOf>) {
  return {
    kind,
    id: f.string('id') ?? '',
    slug: slugOfPath(path),
    path,
    data: parsed.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    fieldLines: Object.fromEntries(Object.entries(parsed.positions).map(([k, v]) => [k, v.line])),
    created: f.string('created'),
    tags: f.list('tags'),
    owner: f.string('owner'),
  };
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
  const { fields, problems } = recordFields(kind, parsed.data, parsed.locate, path);
  const f = fieldsOf(fields);
  const b = base(kind, path, parsed, f);
  let record: AnyRecord;
  switch (kind) {
    case 'contact':
      record = {
        ...b,
        kind,
        name: f.string('name') ?? b.slug,
        emails: f.list('emails').map((e) => e.toLowerCase()),
        phones: f.list('phones'),
        org: f.string('org'),
        title: f.string('title'),
        cadence: f.string('cadence'),
        referred_by: f.string('referred_by'),
      } satisfies Contact;
      break;
    case 'org':
      record = {
        ...b,
        kind,
        name: f.string('name') ?? b.slug,
        domains: f.list('domains').map((d) => d.toLowerCase()),
      } satisfies Org;
      break;
    case 'deal':
      record = {
        ...b,
        kind,
        title: f.string('title') ?? b.slug,
        org: f.string('org'),
        contacts: f.list('contacts'),
        stage: f.string('stage') ?? '',
        history: (fields.history as StageChange[] | undefined)?.map((h) => ({ stage: h.stage, at: h.at })) ?? [],
        amount: f.number('amount'),
        currency: f.string('currency'),
        probability: f.number('probability'),
        close: f.string('close'),
        source: f.string('source'),
        referred_by: f.string('referred_by'),
        lost_reason: f.string('lost_reason'),
      } satisfies Deal;
      break;
    case 'conversation': {
      const timeline = parseTimeline(parsed.body, path, parsed.bodyLine);
      problems.push(...timeline.problems);
      const promises = (fields.promises as (Promise_ & { state?: Promise_['state'] })[] | undefined) ?? [];
      record = {
        ...b,
        kind,
        subject: f.string('subject') ?? b.slug,
        participants: f.list('participants'),
        org: f.string('org'),
        deal: f.string('deal'),
        turn: (f.string('turn') as Turn | undefined) ?? 'us',
        next: f.string('next'),
        promises: promises.map((p) => ({
          id: p.id,
          from: p.from,
          who: p.who,
          what: p.what,
          due: p.due,
          state: p.state ?? 'open',
          made: p.made,
          closed: p.closed,
        })),
        entries: timeline.entries,
        closed_reason: f.string('closed_reason'),
      } satisfies Conversation;
      break;
    }
  }
  return { record, problems };
}

/** The errors a record file's text has (warnings aside). */
export function recordErrors(path: string, text: string): Problem[] {
  return readRecord(path, text).problems.filter((p) => p.severity === 'error');
}
