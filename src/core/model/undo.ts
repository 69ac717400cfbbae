// Which commit `kith undo` undoes: the user's most recent kith commit that is not an undo and
// has not been undone already. Pure: the history comes in.
import { KithError, UsageError } from './errors.js';

export interface CommitInfo {
  readonly sha: string;
  readonly email: string;
  readonly summary: string;
  readonly action?: string;
  readonly undoes?: string;
  readonly parents: readonly string[];
}

/** The commits `kith undo` could undo, newest first: kith's, by `email`, not undone yet. */
export function undoable<T extends CommitInfo>(history: readonly T[], email: string | undefined): T[] {
  const undone = new Set(history.flatMap((c) => (c.undoes ? [c.undoes] : [])));
  return history.filter(
    (c) =>
      c.action !== undefined &&
      c.action !== 'undo' &&
      c.parents.length === 1 &&
      !undone.has(c.sha) &&
      (!email || c.email.toLowerCase() === email.toLowerCase()),
  );
}

/** The commit to undo: the one named (a prefix of its id), else the most recent undoable one. */
export function chooseUndo(history: readonly CommitInfo[], email: string | undefined, ref?: string): CommitInfo {
  const candidates = undoable(history, email);
  if (ref) {
    const named = history.find((c) => c.sha.startsWith(ref.toLowerCase()));
    if (!named) throw new UsageError(`no recent commit ${ref}`, '`kith undo --list` lists what can be undone');
    if (!candidates.includes(named)) {
      const why = !named.action
        ? 'it was not made by kith'
        : named.action === 'undo'
          ? 'it is an undo'
          : named.parents.length !== 1
            ? 'it is not a single change (a first commit or a merge)'
            : 'it is not yours, or was undone already';
      throw new KithError(`cannot undo ${ref}: ${why}`, '`kith undo --list` lists what can be undone');
    }
    return named;
  }
  const latest = candidates[0];
  if (!latest)
    throw new KithError(
      'nothing to undo: no recent kith commit of yours',
      '`kith undo --list` lists what can be undone',
    );
  return latest;
}
