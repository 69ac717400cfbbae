// Values a merge kept aside under `conflicts:`: reported until someone settles them (a warning:
// the file is sound, a decision is pending).
import { describeKept } from '../merge/index.js';
import { keptValues, type Kept } from '../model/kept.js';
import type { Problem } from '../model/types.js';
import { problemAt, reported, type Check } from './check.js';

const HINT =
  'settle it: set the field to the value you want (`kith set REF FIELD=VALUE` clears its kept value) ' +
  'or remove the item under conflicts: to keep what the file says';

/** Kept values as warnings at a file's `conflicts:` line. */
function keptValueProblems(file: string, kept: readonly Kept[], line: number): Problem[] {
  return kept.map((k) => ({
    file,
    line,
    col: 1,
    severity: 'warning',
    message: `kept by a merge: ${describeKept(k)}`,
    hint: HINT,
  }));
}

export const keptValuesCheck: Check = (data, only) => [
  ...(only && !only.has('kith.yaml')
    ? []
    : keptValueProblems('kith.yaml', data.settings.kept?.values ?? [], data.settings.kept?.line ?? 1)),
  ...reported([...data.contacts, ...data.orgs, ...data.deals, ...data.conversations], only).flatMap((r) =>
    keptValueProblems(r.path, keptValues(r.data), problemAt(r, 'conflicts', '').line),
  ),
];
