// Values a merge kept aside under `conflicts:`: reported until someone settles them (a warning:
// the file is sound, a decision is pending).
import { describeKept, keptValues } from '../merge/index.js';
import type { Problem } from '../model/types.js';
import { problemAt, type Check } from './check.js';

const HINT =
  'settle it: set the field to the value you want (`kith set REF FIELD=VALUE` clears its kept value) ' +
  'or remove the item under conflicts: to keep what the file says';

/** A file's kept values as warnings at its `conflicts:` line (kith.yaml's come this way too). */
export function keptValueProblems(file: string, data: Readonly<Record<string, unknown>>, line: number): Problem[] {
  return keptValues(data).map((k) => ({
    file,
    line,
    col: 1,
    severity: 'warning',
    message: `kept by a merge: ${describeKept(k)}`,
    hint: HINT,
  }));
}

export const keptValuesCheck: Check = (data) =>
  [...data.contacts, ...data.orgs, ...data.deals, ...data.conversations].flatMap((r) =>
    keptValueProblems(r.path, r.data, problemAt(r, 'conflicts', '').line),
  );
