// Which files a merge of two sides must merge itself, after git's trivial three-way merge of
// the trees: files both sides changed, both added, one changed and the other removed, or one
// renamed while the other edited. Pure: the sides' changes since the merge base come in.

export interface Change {
  readonly status: 'A' | 'M' | 'D' | 'R' | 'T';
  readonly path: string;
  readonly from?: string;
}

export type Side = 'ours' | 'theirs';

/** A version of a file: which commit (the merge base or a side) and its path there. */
export interface Source {
  readonly rev: 'base' | Side;
  readonly path: string;
}

export type Task =
  /** Merge three (or, with no base, two) versions into `path` (or, for two renames, one of `paths`). */
  | {
      readonly kind: 'merge';
      readonly paths: readonly string[];
      readonly base?: Source;
      readonly ours: Source;
      readonly theirs: Source;
      readonly remove: readonly string[];
    }
  /** One side removed the file, the other changed it: the changed version stays. */
  | { readonly kind: 'keep'; readonly path: string; readonly side: Side }
  /** Both sides added a file at `path`: one record, or two that need two names. */
  | { readonly kind: 'both-added'; readonly path: string };

/** A rename on one side, to replay on the files the other side changed (their references follow). */
export interface Rename {
  readonly side: Side;
  readonly from: string;
  readonly to: string;
}

export interface TreePlan {
  readonly tasks: readonly Task[];
  readonly renames: readonly Rename[];
  /** Renamed on one side, removed on the other: the renamed file stays. */
  readonly keptRenames: readonly Rename[];
}

/** An unmerged path git left, with the stages it has (1 base, 2 ours, 3 theirs). */
export type Unmerged = ReadonlyMap<string, ReadonlySet<number>>;

const other = (side: Side): Side => (side === 'ours' ? 'theirs' : 'ours');

export function planTreeMerge(ours: readonly Change[], theirs: readonly Change[], unmerged: Unmerged): TreePlan {
  const changes = { ours, theirs };
  const renamed = (side: Side) => new Map(changes[side].filter((c) => c.status === 'R').map((c) => [c.from!, c.path]));
  const status = (side: Side) => new Map(changes[side].filter((c) => c.status !== 'R').map((c) => [c.path, c.status]));
  const rn = { ours: renamed('ours'), theirs: renamed('theirs') };
  const st = { ours: status('ours'), theirs: status('theirs') };
  const tasks: Task[] = [];
  const renames: Rename[] = [];
  const keptRenames: Rename[] = [];
  const done = new Set<string>();
  for (const from of new Set([...rn.ours.keys(), ...rn.theirs.keys()])) {
    const [qo, qt] = [rn.ours.get(from), rn.theirs.get(from)];
    if (qo && qt) {
      done.add(qo).add(qt);
      const base = { rev: 'base', path: from } as const;
      const paths = qo === qt ? [qo] : [qo, qt].sort();
      tasks.push({
        kind: 'merge',
        paths,
        base,
        ours: { rev: 'ours', path: qo },
        theirs: { rev: 'theirs', path: qt },
        remove: [],
      });
      // the name that wins decides the file; the side whose name lost has its rename replayed
      if (qo !== qt) renames.push({ side: 'ours', from, to: qo }, { side: 'theirs', from, to: qt });
      continue;
    }
    const side: Side = qo ? 'ours' : 'theirs';
    const to = (qo ?? qt)!;
    const rename = { side, from, to };
    const there = st[other(side)].get(from);
    // a file the other side added at the new path is a different one: both kept, by id
    if (st[other(side)].get(to) === 'A') continue;
    renames.push(rename);
    if (there === 'D') keptRenames.push(rename);
    if (there !== 'M' && there !== 'T') continue;
    done.add(from).add(to);
    const edited = { rev: other(side), path: from } as const;
    const moved = { rev: side, path: to } as const;
    tasks.push({
      kind: 'merge',
      paths: [to],
      base: { rev: 'base', path: from },
      ours: side === 'ours' ? moved : edited,
      theirs: side === 'ours' ? edited : moved,
      remove: [from],
    });
  }
  for (const [path, stages] of unmerged) {
    if (done.has(path)) continue;
    const here = (s: number) => stages.has(s);
    if (here(2) && here(3)) {
      if (!here(1)) tasks.push({ kind: 'both-added', path });
      else
        tasks.push({
          kind: 'merge',
          paths: [path],
          base: { rev: 'base', path },
          ours: { rev: 'ours', path },
          theirs: { rev: 'theirs', path },
          remove: [],
        });
    } else if (here(2) || here(3)) tasks.push({ kind: 'keep', path, side: here(2) ? 'ours' : 'theirs' });
  }
  return { tasks, renames, keptRenames };
}
