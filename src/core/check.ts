// Checks across records: references, stages, duplicate ids and e-mails, timeline order.
// A plain list of checks, each returning problems; all are reported, not just the first.
import { checkCadences } from './follow-ups.js';
import { instant } from './timeline.js';
import type { AnyRecord, Problem, RepoData } from './types.js';

type Check = (repo: RepoData) => Problem[];

function at(r: AnyRecord, key: string, message: string, hint?: string, severity: Problem['severity'] = 'error'): Problem {
  return { file: r.path, line: r.fieldLines[key] ?? 2, col: 1, message, hint, severity };
}

const references: Check = (repo) => {
  const slugs = {
    contact: new Set(repo.contacts.map((c) => c.slug)),
    org: new Set(repo.orgs.map((o) => o.slug)),
    deal: new Set(repo.deals.map((d) => d.slug)),
  };
  const handles = new Set(repo.settings.members.map((m) => m.handle));
  const out: Problem[] = [];
  const ref = (r: AnyRecord, key: string, kind: keyof typeof slugs, value: string | undefined) => {
    if (value !== undefined && !slugs[kind].has(value)) {
      out.push(at(r, key, `${key} refers to ${kind} "${value}", which does not exist`, `\`kith ls ${kind}s\` lists them; \`kith rename\` keeps references valid`));
    }
  };
  for (const r of [...repo.contacts, ...repo.orgs, ...repo.deals, ...repo.conversations]) {
    if (r.owner !== undefined && handles.size && !handles.has(r.owner.replace(/^@/, ''))) {
      out.push(at(r, 'owner', `owner "${r.owner}" is not a member in kith.yaml`, `one of ${[...handles].join(', ')}`));
    }
    switch (r.kind) {
      case 'contact': ref(r, 'org', 'org', r.org); ref(r, 'referred_by', 'contact', r.referred_by); break;
      case 'deal': ref(r, 'org', 'org', r.org); r.contacts.forEach((c) => ref(r, 'contacts', 'contact', c)); ref(r, 'referred_by', 'contact', r.referred_by); break;
      case 'conversation':
        ref(r, 'org', 'org', r.org); ref(r, 'deal', 'deal', r.deal); r.participants.forEach((p) => ref(r, 'participants', 'contact', p));
        for (const e of r.entries) {
          if (!e.author.startsWith('@') && !slugs.contact.has(e.author)) {
            out.push({ file: r.path, line: e.line, col: 1, severity: 'error', message: `entry author "${e.author}" is not a contact`, hint: 'write @handle for a teammate or a contact slug' });
          }
        }
        break;
      case 'org': break;
    }
  }
  return out;
};

const stages: Check = (repo) => {
  const names = repo.settings.stages.map((s) => s.name);
  const hint = `one of ${names.join(', ')}`;
  return repo.deals.flatMap((d) => [
    ...(d.stage && !names.includes(d.stage) ? [at(d, 'stage', `unknown stage "${d.stage}"`, hint)] : []),
    ...d.history.filter((h) => !names.includes(h.stage)).map((h) => at(d, 'history', `history names unknown stage "${h.stage}" (${h.at})`, `${hint}; rename it here or add it to kith.yaml`)),
  ]);
};

const uniqueness: Check = (repo) => {
  const out: Problem[] = [];
  const ids = new Map<string, AnyRecord>();
  const emails = new Map<string, AnyRecord>();
  for (const r of [...repo.contacts, ...repo.orgs, ...repo.deals, ...repo.conversations]) {
    const other = ids.get(r.id);
    if (r.id && other) out.push(at(r, 'id', `duplicate id ${r.id}: ${other.path} has it too`, 'give one of them a new id: every record needs its own'));
    else ids.set(r.id, r);
    if (r.kind === 'contact') {
      for (const e of r.emails) {
        const owner = emails.get(e);
        if (owner && owner !== r) out.push(at(r, 'emails', `e-mail ${e} also belongs to ${owner.path}`, 'merge the two contacts or remove the address from one'));
        else emails.set(e, r);
      }
    }
    if (r.kind === 'conversation') {
      const seen = new Set<string>();
      for (const e of r.entries) {
        if (seen.has(e.id)) out.push({ file: r.path, line: e.line, col: 1, severity: 'error', message: `duplicate entry id ${e.id}` });
        seen.add(e.id);
      }
      const promiseIds = new Set<string>();
      for (const p of r.promises) {
        if (promiseIds.has(p.id)) out.push(at(r, 'promises', `duplicate promise id ${p.id}`));
        promiseIds.add(p.id);
      }
    }
  }
  return out;
};

const timelineOrder: Check = (repo) =>
  repo.conversations.flatMap((v) => v.entries.slice(1).flatMap((e, i) => (instant(e.at) < instant(v.entries[i]!.at)
    ? [{ file: v.path, line: e.line, col: 1, severity: 'warning' as const, message: `entry ${e.id} (${e.at}) comes before the entry above it`, hint: 'entries are read in date order either way; move it up to keep the file tidy' }]
    : [])));

export const CHECKS: readonly Check[] = [references, stages, uniqueness, timelineOrder, checkCadences];

export function checkRepo(repo: RepoData): Problem[] {
  const all = [...repo.problems, ...CHECKS.flatMap((c) => c(repo))];
  return all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
