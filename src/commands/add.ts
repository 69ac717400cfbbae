// `kith add contact|org|deal`: writes a new record file and commits it.
import { KithError, UsageError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { resolveRef } from '../core/resolve.js';
import { slugify } from '../core/text.js';
import type { RecordKind } from '../core/types.js';
import { parseWhen } from '../core/when.js';
import { localDate } from '../core/dates.js';
import { renderFile } from '../store/front-matter.js';
import { KIND_DIRS } from '../store/records.js';
import { freePath, recordPaths } from '../store/repo.js';
import { applyChange } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface AddOptions {
  readonly kind: Exclude<RecordKind, 'conversation'>;
  readonly name: string;
  readonly email?: readonly string[];
  readonly phone?: readonly string[];
  readonly org?: string;
  readonly title?: string;
  readonly tag?: readonly string[];
  readonly owner?: string;
  readonly cadence?: string;
  readonly referredBy?: string;
  readonly domain?: readonly string[];
  readonly amount?: string;
  readonly currency?: string;
  readonly stage?: string;
  readonly close?: string;
  readonly contact?: readonly string[];
  readonly source?: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function run(opts: AddOptions, env: Env) {
  const repo = openRepo(env);
  const { data } = repo;
  const today = localDate(env.now, env.zone);
  const name = opts.name.trim();
  if (!name) throw new UsageError(`the ${opts.kind} needs a name`);
  const ref = (r: string | undefined, kind: RecordKind) => (r ? resolveRef(data, r, [kind]).slug : undefined);
  const owner = opts.owner?.replace(/^@/, '');
  if (owner && !data.settings.members.some((m) => m.handle === owner)) {
    throw new UsageError(`no teammate "${owner}" in kith.yaml`, `one of ${data.settings.members.map((m) => m.handle).join(', ') || '(no members yet: add them to kith.yaml)'}`);
  }
  let fields: Record<string, unknown>;
  switch (opts.kind) {
    case 'contact': {
      const emails = (opts.email ?? []).map((e) => e.trim().toLowerCase());
      for (const e of emails) {
        if (!EMAIL.test(e)) throw new UsageError(`not an e-mail address: "${e}"`);
        const taken = data.contacts.find((c) => c.emails.includes(e));
        if (taken) throw new KithError(`${e} already belongs to ${taken.name} (${taken.path})`, `\`kith show ${taken.slug}\``);
      }
      const domainOrg = emails.map((e) => data.orgs.find((o) => o.domains.includes(e.split('@')[1]!))).find(Boolean);
      fields = {
        id: newId('contact'), name, emails, phones: opts.phone ?? [], org: ref(opts.org, 'org') ?? domainOrg?.slug,
        title: opts.title, tags: opts.tag ?? [], owner, cadence: opts.cadence, referred_by: ref(opts.referredBy, 'contact'), created: today,
      };
      break;
    }
    case 'org':
      fields = { id: newId('org'), name, domains: (opts.domain ?? []).map((d) => d.toLowerCase().replace(/^@/, '')), tags: opts.tag ?? [], owner, created: today };
      break;
    case 'deal': {
      const stages = data.settings.stages.map((s) => s.name);
      const stage = opts.stage ?? stages[0] ?? 'lead';
      if (!stages.includes(stage)) throw new UsageError(`unknown stage "${stage}"`, `one of ${stages.join(', ')}`);
      const amount = opts.amount === undefined ? undefined : Number(opts.amount.replace(/[_,\s]/g, ''));
      if (amount !== undefined && !Number.isFinite(amount)) throw new UsageError(`amount must be a number, not "${opts.amount}"`);
      const close = opts.close ? (await parseWhen(opts.close, { now: env.now, zone: env.zone, forward: true })).date : undefined;
      fields = {
        id: newId('deal'), title: name, org: ref(opts.org, 'org'), contacts: (opts.contact ?? []).map((c) => ref(c, 'contact')),
        stage, history: [{ stage, at: today }], amount, currency: (opts.currency ?? data.settings.currency).toUpperCase(), close,
        owner, source: opts.source, referred_by: ref(opts.referredBy, 'contact'), created: today,
      };
      break;
    }
  }
  const path = freePath(repo.root, recordPaths(data), KIND_DIRS[opts.kind], slugify(name));
  const text = renderFile(fields, '');
  await applyChange(repo.root, { writes: new Map([[path, text]]), summary: `add ${opts.kind} ${name}`, action: 'add', refs: [path] });
  env.out.write(`added ${opts.kind} ${clean(name)} (${path})\n`);
  return { path, fields };
}
