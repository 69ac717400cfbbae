// `kith add contact|org|deal`: writes a new record file and commits it.
import { namesakes, newId, newRecordFields, quotePath, slugify, typedName, type NewKind } from '../core/model/index.js';
import { localDate, parseWhen } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { renderFile } from '../store/front-matter-edit.js';
import { KIND_DIRS } from '../store/layout.js';
import { currentHandle, withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec, OptionSpec } from './spec.js';

const tag: OptionSpec = { flags: '--tag <tag>', help: 'tag (repeatable)', repeatable: true };

export const spec: CommandSpec = {
  subcommands: [
    {
      name: 'contact',
      summary: 'add a person',
      fixed: { kind: 'contact' },
      args: [{ name: '<name>', help: 'full name' }],
      options: [
        { flags: '--email <address>', help: 'e-mail address (repeatable)', repeatable: true },
        { flags: '--phone <number>', help: 'phone number (repeatable)', repeatable: true },
        { flags: '--org <ref>', help: 'the organisation they work for' },
        { flags: '--title <title>', help: 'job title' },
        tag,
        { flags: '--owner <handle>', help: 'teammate who owns the relationship' },
        { flags: '--cadence <every>', help: 'stay in touch every 30d, 6w, quarterly...' },
        { flags: '--referred-by <ref>', help: 'contact who introduced them' },
      ],
    },
    {
      name: 'org',
      summary: 'add an organisation',
      fixed: { kind: 'org' },
      args: [{ name: '<name>', help: 'organisation name' }],
      options: [
        { flags: '--domain <domain>', help: 'mail domain (repeatable)', repeatable: true },
        tag,
        { flags: '--owner <handle>', help: 'teammate who owns the account' },
      ],
    },
    {
      name: 'deal',
      summary: 'add a deal',
      fixed: { kind: 'deal' },
      args: [{ name: '<title>', help: 'what the deal is' }],
      options: [
        { flags: '--org <ref>', help: 'the organisation buying', required: true },
        { flags: '--amount <n>', help: 'amount' },
        { flags: '--currency <code>', help: 'currency (default: the team currency)' },
        { flags: '--stage <stage>', help: 'pipeline stage (default: the first)' },
        { flags: '--close <when>', help: 'expected close date ("2026-12-15", "end of month")' },
        { flags: '--past', help: 'the close date may lie in the past' },
        { flags: '--contact <ref>', help: 'contact involved (repeatable)', repeatable: true },
        { flags: '--source <source>', help: 'referral, inbound, outbound, event, partner...' },
        { flags: '--referred-by <ref>', help: 'contact who referred it' },
        { flags: '--owner <handle>', help: 'teammate who owns the deal' },
      ],
    },
  ],
};

export interface AddOptions {
  readonly kind: NewKind;
  /** A contact's or org's name; a deal's is its title. */
  readonly name?: string;
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
  readonly past?: boolean;
  readonly contact?: readonly string[];
  readonly source?: string;
}

export async function run(opts: AddOptions, env: Env) {
  return withRepoExcerpts(env, 'add', async (repo) => {
    const today = localDate(env.now, env.zone);
    const close = opts.close
      ? (
          await parseWhen(opts.close, {
            now: env.now,
            zone: env.zone,
            toward: 'future',
            flag: '--close',
            anyDay: opts.past,
          })
        ).date
      : undefined;
    const name = (opts.kind === 'deal' ? opts.title : opts.name) ?? '';
    // a deal is owned by whoever adds it, unless they name its owner
    const owner = opts.owner ?? (opts.kind === 'deal' ? await currentHandle(env, repo) : undefined);
    const fields = newRecordFields(
      repo.data,
      opts.kind,
      {
        ...opts,
        owner,
        name,
        title: opts.kind === 'contact' ? opts.title : undefined,
        emails: opts.email,
        phones: opts.phone,
        tags: opts.tag,
        domains: opts.domain,
        contacts: opts.contact,
        close,
      },
      { id: newId(opts.kind), today },
    );
    const path = repo.newPath(KIND_DIRS[opts.kind], slugify(typedName(name)));
    const same = namesakes(repo.data, opts.kind, name);
    await repo.apply({
      writes: new Map([[path, renderFile(fields, '')]]),
      summary: `add ${opts.kind} ${name.trim()}`,
      action: 'add',
      refs: [path],
    });
    env.out.write(`added ${opts.kind} ${clean(name.trim())} (${quotePath(path)})\n`);
    if (same.length) {
      const others = same.map((r) => quotePath(r.path)).join(', ');
      env.err.write(
        `warning: another ${opts.kind} is called ${clean(name.trim())} (${others}); this one is ${quotePath(path)}\n`,
      );
    }
    return { path, fields };
  });
}
