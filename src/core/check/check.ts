// The shape every check has: the repository in, problems out; and a problem at a field.
import type { AnyRecord, Problem, RepoData } from '../model/types.js';

export type Check = (data: RepoData) => Problem[];

/** A problem at a record's field (its line in the file, or the front matter's first line). */
export function problemAt(
  r: AnyRecord,
  key: string,
  message: string,
  hint?: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file: r.path, line: r.fieldLines[key] ?? 2, col: 1, message, hint, severity };
}
