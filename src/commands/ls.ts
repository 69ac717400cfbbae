// `kith ls contacts|orgs|deals|conversations`: a filtered listing, as a table or JSON.
import { UsageError } from '../core/errors.js';
import { resolveRef } from '../core/resolve.js';
import type { AnyRecord, RepoData } from '../core/types.js';
import { lastActivity, recordJson } from '../core/views.js';
import { openRepo, printJson, renderTable, type Column, type Env } from './env.js';

export interface LsOptions {
  readonly what: string;
  readonly tag?: string;
  readonly owner?: string;
  readonly org?: string;
  readonly stage?: string;
  readonly json?: boolean;
}

const KINDS = { contacts: 'contact', orgs: 'org', deals: 'deal', conversations: 'conversation' } as const;

function orgOf(r: AnyRecord): string | undefined {
  return r.kind === 'org' ? r.slug : r.kind === 'deal' || r.kind === 'contact' || r.kind === 'conversation' ? r.org : undefined;
}

function records(data: RepoData, kind: keyof typeof KINDS): AnyRecord[] {
  return kind === 'contacts' ? [...data.contacts] : kind === 'orgs' ? [...data.orgs] : kind === 'deals' ? [...data.deals] : [...data.conversations];
}

export async function run(opts: LsOptions, env: Env) {
  const plural = (Object.keys(KINDS).find((k) => k.startsWith(opts.what.toLowerCase().replace(/s$/, ''))) ?? '') as keyof typeof KINDS | '';
  if (!plural) throw new UsageError(`cannot list "${opts.what}"`, 'one of contacts, orgs, deals, conversations');
  const { data } = openRepo(env);
  const org = opts.org ? resolveRef(data, opts.org, ['org']).slug : undefined;
  const owner = opts.owner?.replace(/^@/, '');
  if (opts.stage && !data.settings.stages.some((s) => s.name === opts.stage)) {
    throw new UsageError(`unknown stage "${opts.stage}"`, `one of ${data.settings.stages.map((s) => s.name).join(', ')}`);
  }
  const list = records(data, plural).filter((r) =>
    (!opts.tag || r.tags.includes(opts.tag)) && (!owner || r.owner === owner) && (!org || orgOf(r) === org)
    && (!opts.stage || (r.kind === 'deal' && r.stage === opts.stage)));
  if (plural === 'conversations') list.sort((a, b) => lastActivity(b as never).localeCompare(lastActivity(a as never)));
  else list.sort((a, b) => a.slug.localeCompare(b.slug));
  if (opts.json) {
    printJson(env.out, list.map((r) => recordJson(r, false)));
    return list;
  }
  if (!list.length) {
    env.err.write(`no ${plural}${opts.tag || owner || org || opts.stage ? ' match those filters' : ' yet'}\n`);
    return list;
  }
  const [columns, row] = layout(plural);
  env.out.write(renderTable(env.out, columns, list.map(row)));
  return list;
}

function layout(kind: keyof typeof KINDS): [Column[], (r: AnyRecord) => string[]] {
  switch (kind) {
    case 'contacts': return [[{ header: 'SLUG' }, { header: 'NAME' }, { header: 'ORG' }, { header: 'TITLE', shrink: true }, { header: 'OWNER' }, { header: 'TAGS' }],
      (r) => (r.kind === 'contact' ? [r.slug, r.name, r.org ?? '', r.title ?? '', r.owner ?? '', r.tags.join(' ')] : [])];
    case 'orgs': return [[{ header: 'SLUG' }, { header: 'NAME', shrink: true }, { header: 'DOMAINS' }, { header: 'OWNER' }, { header: 'TAGS' }],
      (r) => (r.kind === 'org' ? [r.slug, r.name, r.domains.join(' '), r.owner ?? '', r.tags.join(' ')] : [])];
    case 'deals': return [[{ header: 'SLUG' }, { header: 'TITLE', shrink: true }, { header: 'ORG' }, { header: 'STAGE' }, { header: 'AMOUNT', align: 'right' }, { header: 'CLOSE' }, { header: 'OWNER' }],
      (r) => (r.kind === 'deal' ? [r.slug, r.title, r.org ?? '', r.stage, r.amount === undefined ? '' : `${r.amount.toLocaleString('en-US')} ${r.currency ?? ''}`.trim(), r.close ?? '', r.owner ?? ''] : [])];
    case 'conversations': return [[{ header: 'SLUG' }, { header: 'SUBJECT', shrink: true }, { header: 'WITH' }, { header: 'TURN' }, { header: 'NEXT' }, { header: 'OWNER' }],
      (r) => (r.kind === 'conversation' ? [r.slug, r.subject, r.participants.join(' '), r.turn, r.next ?? '', r.owner ?? ''] : [])];
  }
}
