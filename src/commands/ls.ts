// `kith ls contacts|orgs|deals|conversations`: a filtered listing, as a table or JSON.
import { listRecords, recordPlural, UsageError, type AnyRecord, type RecordPlural } from '../core/model/index.js';
import { formatAmount } from '../render/format.js';
import { recordJson } from '../render/json/records.js';
import { jsonText } from '../render/text/paint.js';
import { renderTable, type Column } from '../render/text/table.js';
import { viewOfRepo, type Env } from './env.js';
import { slotOf } from '../store/views.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<what>', help: 'contacts, orgs, deals or conversations' }],
  options: [
    { flags: '--tag <tag>', help: 'only records with this tag' },
    { flags: '--owner <handle>', help: 'only records owned by this teammate' },
    { flags: '--org <ref>', help: 'only records of this organisation' },
    { flags: '--stage <stage>', help: 'deals in this stage' },
    JSON_OPTION,
  ],
};

export interface LsOptions {
  readonly what: string;
  readonly tag?: string;
  readonly owner?: string;
  readonly org?: string;
  readonly stage?: string;
  readonly json?: boolean;
}

export async function run(opts: LsOptions, env: Env) {
  const plural = recordPlural(opts.what);
  if (!plural) {
    const kinds = ['contacts', 'orgs', 'deals', 'conversations'];
    const starts = kinds.filter((k) => opts.what && k.startsWith(opts.what.toLowerCase()));
    const could = starts.length ? `: "${opts.what}" could be ${starts.join(' or ')}` : '';
    throw new UsageError(`cannot list "${opts.what}"${could}`, `one of ${kinds.join(', ')}`);
  }
  // a listing is a function of the records, the filters and how the terminal shows it: kept for each
  const key = JSON.stringify([
    plural,
    opts.tag,
    opts.owner,
    opts.org,
    opts.stage,
    !!opts.json,
    env.out.color,
    env.out.columns,
  ]);
  let list: AnyRecord[] | undefined;
  const { value } = await viewOfRepo(env, slotOf('ls', key, 8), key, (repo) => {
    const org = opts.org ? repo.resolve(opts.org, ['org']).slug : undefined;
    list = listRecords(repo.data, plural, { ...opts, org });
    if (opts.json) return { out: jsonText(list.map((r) => recordJson(r, false))) };
    if (list.length) return { out: renderTable(env.out, LAYOUTS[plural][0], list.map(LAYOUTS[plural][1])) };
    const filtered = opts.tag || opts.owner || org || opts.stage;
    return { err: `no ${plural}${filtered ? ' match those filters' : ' yet'}\n` };
  });
  if (value.out !== undefined) env.out.write(value.out);
  if (value.err !== undefined) env.err.write(value.err);
  // the records listed, when worked out now (for callers in-process)
  return list;
}

const c = (header: string, more: Partial<Column> = {}): Column => ({ header, ...more });

const LAYOUTS: Record<RecordPlural, [Column[], (r: AnyRecord) => string[]]> = {
  contacts: [
    [c('SLUG'), c('NAME'), c('ORG'), c('TITLE', { shrink: true }), c('OWNER'), c('TAGS')],
    (r) => (r.kind === 'contact' ? [r.slug, r.name, r.org ?? '', r.title ?? '', r.owner ?? '', r.tags.join(' ')] : []),
  ],
  orgs: [
    [c('SLUG'), c('NAME', { shrink: true }), c('DOMAINS'), c('OWNER'), c('TAGS')],
    (r) => (r.kind === 'org' ? [r.slug, r.name, r.domains.join(' '), r.owner ?? '', r.tags.join(' ')] : []),
  ],
  deals: [
    [
      c('SLUG'),
      c('TITLE', { shrink: true }),
      c('ORG'),
      c('STAGE'),
      c('AMOUNT', { align: 'right' }),
      c('CLOSE'),
      c('OWNER'),
    ],
    (r) => {
      if (r.kind !== 'deal') return [];
      const amount = r.amount === undefined ? '' : formatAmount(r.amount, r.currency).trim();
      return [r.slug, r.title, r.org ?? '', r.stage, amount, r.close ?? '', r.owner ?? ''];
    },
  ],
  conversations: [
    [c('SLUG'), c('SUBJECT', { shrink: true }), c('WITH'), c('TURN'), c('NEXT'), c('OWNER')],
    (r) =>
      r.kind === 'conversation'
        ? [r.slug, r.subject, r.participants.join(' '), r.turn, r.next ?? '', r.owner ?? '']
        : [],
  ],
};
