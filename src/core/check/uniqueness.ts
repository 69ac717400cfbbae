// What must be unique: record ids, contacts' e-mails, entry and promise ids in a conversation.
import type { AnyRecord, Problem } from '../model/types.js';
import { problemAt, type Check } from './check.js';

export const uniqueness: Check = (data, only) => {
  const out: Problem[] = [];
  const ids = new Map<string, AnyRecord>();
  const emails = new Map<string, AnyRecord>();
  const domains = new Map<string, AnyRecord>();
  for (const r of [...data.contacts, ...data.orgs, ...data.deals, ...data.conversations]) {
    // every record is counted; only those asked about are reported
    const told = !only || only.has(r.path);
    const other = ids.get(r.id);
    if (r.id && other && told)
      out.push(
        problemAt(
          r,
          'id',
          `duplicate id ${r.id}: ${other.path} has it too`,
          'give one of them a new id: every record needs its own',
        ),
      );
    else if (!other) ids.set(r.id, r);
    if (r.kind === 'contact') {
      for (const e of r.emails) {
        const owner = emails.get(e);
        if (owner && owner !== r) {
          if (told)
            out.push(
              problemAt(
                r,
                'emails',
                `e-mail ${e} also belongs to ${owner.path}`,
                'merge the two contacts or remove the address from one',
              ),
            );
        } else emails.set(e, r);
      }
    }
    if (r.kind === 'org') {
      for (const d of r.domains) {
        const owner = domains.get(d);
        if (owner && owner !== r) {
          if (told)
            out.push(
              problemAt(
                r,
                'domains',
                `domain ${d} also belongs to ${owner.path}`,
                'a mail domain files mail under one org: remove it from one of them',
              ),
            );
        } else domains.set(d, r);
      }
    }
    if (r.kind === 'conversation' && told) {
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
    }
  }
  return out;
};
