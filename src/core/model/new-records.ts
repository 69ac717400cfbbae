// The rules for a new contact, org or deal: required fields, valid owner and stage, unique
// e-mails, and a contact filed under the org that owns their mail domain. Pure: ids and
// today come in; the caller writes the fields it gets back.
import { domainOf, isEmailAddress, normaliseDomain } from './email.js';
import { KithError, UsageError } from './errors.js';
import { quotePath, terminalSafe } from './terminal.js';
import { parseAmount, typedName } from './input.js';
import { resolveRef } from './resolve.js';
import type { IsoDate, RecordKind, RepoData, TeamSettings } from './types.js';

export interface NewRecordInput {
  readonly name: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly org?: string;
  readonly title?: string;
  readonly tags?: readonly string[];
  readonly owner?: string;
  readonly cadence?: string;
  readonly referredBy?: string;
  readonly domains?: readonly string[];
  /** As typed: "48,000". */
  readonly amount?: string;
  readonly currency?: string;
  readonly stage?: string;
  readonly close?: IsoDate;
  readonly contacts?: readonly string[];
  readonly source?: string;
}

export type NewKind = Exclude<RecordKind, 'conversation'>;

/** The owner's handle when it names a teammate. */
function checkOwner(settings: TeamSettings, owner: string | undefined): string | undefined {
  const handle = owner?.replace(/^@/, '');
  if (handle && !settings.members.some((m) => m.handle === handle)) {
    const handles = settings.members.map((m) => m.handle).join(', ');
    throw new UsageError(
      `no teammate "${handle}" in kith.yaml`,
      `one of ${handles || '(no members yet: add them to kith.yaml)'}`,
    );
  }
  return handle;
}

/** The stage names of kith.yaml, and an error for one that is not among them. */
export function checkStage(settings: TeamSettings, stage: string): string {
  const names = settings.stages.map((s) => s.name);
  if (!names.includes(stage)) throw new UsageError(`unknown stage "${stage}"`, `one of ${names.join(', ')}`);
  return stage;
}

/** The front matter of a new record, in the order it is written. */
export function newRecordFields(
  data: RepoData,
  kind: NewKind,
  input: NewRecordInput,
  opts: { id: string; today: IsoDate },
): Record<string, unknown> {
  const name = typedName(input.name);
  if (!name) throw new UsageError(`the ${kind} needs a name`);
  const ref = (r: string | undefined, k: RecordKind) => (r ? resolveRef(data, r, [k]).slug : undefined);
  const owner = checkOwner(data.settings, input.owner);
  const common = { tags: input.tags ?? [], owner, created: opts.today };
  switch (kind) {
    case 'contact': {
      const emails = (input.emails ?? []).map((e) => e.trim().toLowerCase());
      for (const e of emails) {
        if (!isEmailAddress(e)) throw new UsageError(`not an e-mail address: "${e}"`);
        const taken = data.contacts.find((c) => c.emails.includes(e));
        if (taken)
          throw new KithError(
            `${e} already belongs to ${terminalSafe(taken.name)} (${quotePath(taken.path)})`,
            `\`kith show ${quotePath(taken.slug)}\``,
          );
      }
      const domainOrg = emails.map((e) => data.orgs.find((o) => o.domains.includes(domainOf(e)))).find(Boolean);
      const { tags, created } = common;
      return {
        id: opts.id,
        name,
        emails,
        phones: input.phones ?? [],
        org: ref(input.org, 'org') ?? domainOrg?.slug,
        title: input.title === undefined ? undefined : typedName(input.title),
        tags,
        owner,
        cadence: input.cadence,
        referred_by: ref(input.referredBy, 'contact'),
        created,
      };
    }
    case 'org':
      return { id: opts.id, name, domains: (input.domains ?? []).map(normaliseDomain), ...common };
    case 'deal': {
      const stage = checkStage(data.settings, input.stage ?? data.settings.stages[0]?.name ?? 'lead');
      return {
        id: opts.id,
        title: name,
        org: ref(input.org, 'org'),
        contacts: (input.contacts ?? []).map((c) => ref(c, 'contact')),
        stage,
        history: [{ stage, at: opts.today }],
        amount: input.amount === undefined ? undefined : parseAmount(input.amount),
        currency: (input.currency ?? data.settings.currency).toUpperCase(),
        close: input.close,
        owner,
        source: input.source,
        referred_by: ref(input.referredBy, 'contact'),
        created: opts.today,
      };
    }
  }
}
