// Merges two commits into a tree, in one process: git's trivial merge in a temporary index,
// then every file both sides touched merged as data (store/merge/file.ts), renames and moves
// replayed on the other side's files, and the tree written. The work tree is not touched.
import { planTreeMerge, type Kept, type Rename, type Side, type Source, type Task } from '../../core/merge/index.js';
import { displayName, slugify } from '../../core/model/index.js';
import type { Vars } from '../../git/git.js';
import { changedFiles, mergeIndex, readBlobs, unmergedStages, writeBlobs, type FileChange } from '../../git/tree.js';
import { freePath, kindOfPath, slugOfPath } from '../layout.js';
import { readRecord } from '../records.js';
import { mergeFile, type SideNames } from './file.js';
import { replaySlugChange, type SlugChange } from './replay.js';

export interface Commits {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

interface MergedFile {
  readonly path: string;
  readonly added: { readonly ours: number; readonly theirs: number };
  readonly kept: readonly Kept[];
}

/** What the merge did beyond git's trivial merge, for the report. */
export interface TreeMerge {
  readonly tree?: string;
  readonly merged: readonly MergedFile[];
  /** Files removed on one side and changed on the other: the changed version stays. */
  readonly restored: readonly { readonly path: string; readonly side: Side }[];
  /** Records both sides added at one path: one of them moved to a free name. */
  readonly moved: readonly (SlugChange & { readonly side: Side })[];
  /** Files kith cannot merge: the merge is not made. */
  readonly unmergeable: readonly { readonly path: string; readonly reason: string }[];
  readonly changes: { readonly ours: readonly FileChange[]; readonly theirs: readonly FileChange[] };
}

const idOf = (path: string, text: string | undefined) =>
  text === undefined ? undefined : readRecord(path, text).record?.id || undefined;

/** Of two renames' paths, the one the merged name gives (else the one that sorts first). */
function chosenPath(paths: readonly string[], text: string): string {
  const { record } = readRecord(paths[0]!, text);
  const slug = record ? slugify(displayName(record)) : '';
  return paths.find((p) => slugOfPath(p) === slug) ?? paths.find((p) => slugOfPath(p).startsWith(slug)) ?? paths[0]!;
}

export async function mergeTrees(root: string, vars: Vars, commits: Commits, names: SideNames): Promise<TreeMerge> {
  const index = await mergeIndex(root, vars, [commits.base, commits.ours, commits.theirs]);
  try {
    const stages = await unmergedStages(root, vars, index.extra);
    const unmerged = new Map<string, Set<number>>();
    for (const s of stages) unmerged.set(s.path, (unmerged.get(s.path) ?? new Set()).add(s.stage));
    const [ours, theirs] = await Promise.all([
      changedFiles(root, vars, commits.base, commits.ours),
      changedFiles(root, vars, commits.base, commits.theirs),
    ]);
    const plan = planTreeMerge(ours, theirs, unmerged);
    const spec = (s: Source) => `${commits[s.rev]}:${s.path}`;
    const wanted = plan.tasks.flatMap((t): Source[] =>
      t.kind === 'merge'
        ? [t.base, t.ours, t.theirs].filter((s): s is Source => s !== undefined)
        : t.kind === 'keep'
          ? [{ rev: t.side, path: t.path }]
          : [
              { rev: 'ours', path: t.path },
              { rev: 'theirs', path: t.path },
            ],
    );
    const blobs = await readBlobs(root, vars, [...new Set(wanted.map(spec))]);
    // a side's version, with the other side's renames replayed on it first: both then say the
    // same about the renamed record (its references, the authors of its entries)
    const text = (s: Source | undefined) => {
      const raw = s ? blobs.get(spec(s)) : undefined;
      if (!s || raw === undefined || s.rev === 'base') return raw;
      return plan.renames
        .filter((r) => r.side !== s.rev)
        .reduce((t, r) => replaySlugChange(s.path, t, { from: r.from, to: r.to }) ?? t, raw);
    };
    const out = {
      merged: [] as MergedFile[],
      restored: [] as TreeMerge['restored'][number][],
      moved: [] as TreeMerge['moved'][number][],
    };
    const unmergeable: { path: string; reason: string }[] = [];
    const results = new Map<string, string | null>();
    const taken = new Set([...unmerged.keys(), ...ours.map((c) => c.path), ...theirs.map((c) => c.path)]);

    const follows: (SlugChange & { side: Side })[] = [];
    const merge = (task: Task & { kind: 'merge' }) => {
      const r = mergeFile(task.paths[0]!, text(task.base), text(task.ours) ?? '', text(task.theirs) ?? '', names);
      if (!r.ok) return unmergeable.push({ path: task.paths[0]!, reason: r.reason });
      const path = task.paths.length > 1 ? chosenPath(task.paths, r.text) : task.paths[0]!;
      // renamed both ways: the side whose name lost sees its references follow the winner
      if (path !== task.ours.path && task.paths.includes(task.ours.path))
        follows.push({ from: task.ours.path, to: path, side: 'ours' });
      if (path !== task.theirs.path && task.paths.includes(task.theirs.path))
        follows.push({ from: task.theirs.path, to: path, side: 'theirs' });
      for (const p of [...task.paths, ...task.remove]) if (p !== path) results.set(p, null);
      results.set(path, r.text);
      out.merged.push({ path, added: r.added, kept: r.kept });
    };
    const bothAdded = (path: string) => {
      const [o, t] = [text({ rev: 'ours', path }), text({ rev: 'theirs', path })] as [string, string];
      const [io, it] = [idOf(path, o), idOf(path, t)];
      if (!kindOfPath(path) || !io || !it || io === it)
        return merge({
          kind: 'merge',
          paths: [path],
          ours: { rev: 'ours', path },
          theirs: { rev: 'theirs', path },
          remove: [],
        });
      // two records at one path: the one with the smaller id keeps it, the other moves
      const side: Side = io < it ? 'theirs' : 'ours';
      const to = freePath(
        root,
        new Set([...taken, ...results.keys()]),
        path.slice(0, path.lastIndexOf('/')),
        slugOfPath(path),
      );
      results.set(path, side === 'ours' ? t : o);
      results.set(to, side === 'ours' ? o : t);
      out.moved.push({ side, from: path, to });
    };
    for (const task of plan.tasks) {
      if (task.kind === 'merge') merge(task);
      else if (task.kind === 'keep') {
        results.set(task.path, text({ rev: task.side, path: task.path })!);
        out.restored.push({ path: task.path, side: task.side });
      } else bothAdded(task.path);
    }
    const changes = { ours, theirs };
    if (unmergeable.length) return { ...out, unmergeable, changes };
    await replay(root, vars, commits, { results, changes, renames: plan.renames, moved: out.moved, follows });
    const entries = new Map<string, string | null>();
    const written = [...results].filter((e): e is [string, string] => e[1] !== null);
    const ids = await writeBlobs(
      root,
      vars,
      written.map(([, t]) => t),
    );
    for (const [path, t] of results) if (t === null) entries.set(path, null);
    written.forEach(([path], i) => entries.set(path, ids[i]!));
    await index.set(entries);
    return { ...out, unmergeable, changes, tree: await index.writeTree() };
  } finally {
    index.dispose();
  }
}

interface Replays {
  readonly results: Map<string, string | null>;
  readonly changes: { readonly ours: readonly FileChange[]; readonly theirs: readonly FileChange[] };
  readonly renames: readonly Rename[];
  readonly moved: readonly (SlugChange & { readonly side: Side })[];
  /** A side's own rename that lost to the other's: replayed on that side's files. */
  readonly follows: readonly (SlugChange & { readonly side: Side })[];
}

/** Replays each slug change on the files the other side changed (a move, on its own side's). */
async function replay(root: string, vars: Vars, commits: Commits, r: Replays): Promise<void> {
  const touched = (side: Side) => r.changes[side].filter((c) => c.status !== 'D').map((c) => c.path);
  const jobs = [
    ...r.renames.map((x) => ({
      change: { from: x.from, to: x.to },
      side: x.side === 'ours' ? 'theirs' : 'ours',
      only: false,
    })),
    ...r.moved.map((m) => ({ change: { from: m.from, to: m.to }, side: m.side, only: true })),
    ...r.follows.map((f) => ({ change: { from: f.from, to: f.to }, side: f.side, only: false })),
  ] as { change: SlugChange; side: Side; only: boolean }[];
  if (!jobs.some((j) => kindOfPath(j.change.from) && kindOfPath(j.change.from) !== 'conversation')) return;
  const specs = (['ours', 'theirs'] as const).flatMap((s) => touched(s).map((p) => `${commits[s]}:${p}`));
  const blobs = await readBlobs(root, vars, specs);
  for (const job of jobs) {
    const others = new Set(touched(job.side === 'ours' ? 'theirs' : 'ours'));
    for (const path of touched(job.side)) {
      if (job.only && others.has(path)) continue;
      const current = r.results.has(path) ? r.results.get(path) : blobs.get(`${commits[job.side]}:${path}`);
      if (!current) continue;
      const text = replaySlugChange(path, current, job.change);
      if (text !== undefined) r.results.set(path, text);
    }
  }
}
