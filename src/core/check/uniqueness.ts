// What must be unique: record ids, contacts' e-mails, orgs' domains, entry and promise ids in a
// conversation. Across records it reads keys only (a change is checked without every record whole).
import { allRecords, keyOf, recordKeys } from '../model/records.js';
import type { AnyRecord, Problem } from '../model/types.js';
import { problemAt, reported, type Check } from './check.js';

/** Within one conversation: entry ids and promise ids. */
function withinConversation(r: AnyRecord): Problem[] {
  if (r.kind !== 'conversation') return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of r.entries) {
    if (seen.has(e.id))
      out.push({ file: r.path, line: e.line, col: 1, severity: 'error', message: `duplicate entry id ${e.id}` });
    seen.add(e.id);
  }
  const promiseIds = new Set<string>();
  for (const p of r.promises) {
    if (promiseIds.has(p.id)) out.push(problemAt(r, 'promises', `duplicate promise id ${p.id}`));
    promiseIds.add(p.id);
  }
  return out;
}

export const uniqueness: Check = (data, only) => {
  const out: Problem[] = [];
  // every record is counted; only those asked about (read whole) are reported
  const told = new Map(reported(allRecords(data), only).map((r) => [r.path, r]));
  // with some records asked about, the others' values count only where one of those holds them too
  const asked = only && new Set([...told.values()].map(keyOf).flatMap((k) => [k.id, ...k.emails, ...k.domains]));
  const ids = new Map<string, string>();
  const emails = new Map<string, string>();
  const domains = new Map<string, string>();
  for (const k of recordKeys(data)) {
    const r = told.get(k.path);
    if (asked && !asked.has(k.id) && !k.emails.some((v) => asked.has(v)) && !k.domains.some((v) => asked.has(v)))
      continue;
    const other = ids.get(k.id);
    if (k.id && other && r)
      out.push(
        problemAt(
          r,
          'id',
          `duplicate id ${k.id}: ${other} has it too`,
          'give one of them a new id: every record needs its own',
        ),
      );
    else if (!other) ids.set(k.id, k.path);
    const owned = k.kind === 'contact' ? emails : k.kind === 'org' ? domains : undefined;
    for (const value of owned ? (k.kind === 'contact' ? k.emails : k.domains) : []) {
      const owner = owned!.get(value);
      if (owner === undefined || owner === k.path) owned!.set(value, k.path);
      else if (r && k.kind === 'contact')
        out.push(
          problemAt(
            r,
            'emails',
            `e-mail ${value} also belongs to ${owner}`,
            'merge the two contacts or remove the address from one',
          ),
        );
      else if (r)
        out.push(
          problemAt(
            r,
            'domains',
            `domain ${value} also belongs to ${owner}`,
            'a mail domain files mail under one org: remove it from one of them',
          ),
        );
    }
    if (r) out.push(...withinConversation(r));
  }
  return out;
};
