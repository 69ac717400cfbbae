// The shape every check has: the repository in, problems out; and a problem at a field.
import type { AnyRecord, Problem, RepoData } from '../model/types.js';

/**
 * A check of the repository; with `only`, the problems of those files alone (what a change to
 * them would add), found against every record still.
 */
export type Check = (data: RepoData, only?: ReadonlySet<string>) => Problem[];

/** The records a check reports on: all, or those of the files in `only`. */
export const reported = <T extends { readonly path: string }>(list: readonly T[], only?: ReadonlySet<string>) =>
  only ? list.filter((r) => only.has(r.path)) : list;

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
