// Git plumbing for merging without touching the work tree: the merge base, what each side
// changed, blobs read in one batch, a merge prepared in a temporary index and committed as
// objects; then one fast-forward. The repository is never left mid-merge.
import { randomBytes } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { KithError } from '../core/model/index.js';
import { gitReason } from './remote.js';
import { runGit, type Vars } from './git.js';

/** One file a side changed since the merge base (renames found by git's -M). */
export interface FileChange {
  readonly status: 'A' | 'M' | 'D' | 'R' | 'T';
  readonly path: string;
  /** For a rename: the path it had. */
  readonly from?: string;
}

async function ok(root: string, vars: Vars, args: string[], opts: Parameters<typeof runGit>[3] = {}) {
  const r = await runGit(root, vars, args, opts);
  if (r.code !== 0) throw new KithError(`git ${args[0]} failed: ${gitReason(r.stderr)}`);
  return r.stdout.toString();
}

export async function revParse(root: string, vars: Vars, rev: string): Promise<string | undefined> {
  const r = await runGit(root, vars, ['rev-parse', '-q', '--verify', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.toString().trim() : undefined;
}

export async function mergeBase(root: string, vars: Vars, a: string, b: string): Promise<string | undefined> {
  const r = await runGit(root, vars, ['merge-base', a, b]);
  return r.code === 0 ? r.stdout.toString().trim() : undefined;
}

/** The commits in `to` that `from` lacks (all of them without `from`): short id, author and subject, oldest first. */
export async function commitsBetween(root: string, vars: Vars, from: string | undefined, to: string) {
  const out = await ok(root, vars, ['log', '--reverse', '--format=%h%x09%an%x09%s', from ? `${from}..${to}` : to]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, author, ...subject] = line.split('\t');
      return { commit: commit!, author: author!, subject: subject.join('\t') };
    });
}

/** The files `side` changed since `base`, renames included. */
export async function changedFiles(root: string, vars: Vars, base: string, side: string): Promise<FileChange[]> {
  const out = await ok(root, vars, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', base, side]);
  const f = out.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < f.length - 1;) {
    const status = f[i++]!.charAt(0) as FileChange['status'] | 'C';
    if (status === 'R' || status === 'C') {
      const [from, path] = [f[i++]!, f[i++]!];
      changes.push(status === 'R' ? { status, path, from } : { status: 'A', path });
    } else changes.push({ status, path: f[i++]! });
  }
  return changes;
}

/** The text of each `rev:path` (undefined where there is none), read in one git call. */
export async function readBlobs(root: string, vars: Vars, specs: readonly string[], extra?: Record<string, string>) {
  const texts = new Map<string, string | undefined>();
  if (!specs.length) return texts;
  const r = await runGit(root, vars, ['cat-file', '--batch'], { input: specs.map((s) => `${s}\n`).join(''), extra });
  if (r.code !== 0) throw new KithError(`git cat-file failed: ${gitReason(r.stderr)}`);
  const buf = r.stdout;
  let at = 0;
  for (const spec of specs) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      texts.set(spec, undefined);
      continue;
    }
    const size = Number(m[1]);
    texts.set(spec, buf.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

/** Writes each text as a blob; the blob ids, in order. */
export async function writeBlobs(root: string, vars: Vars, texts: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) ids.push((await ok(root, vars, ['hash-object', '-w', '--stdin'], { input: text })).trim());
  return ids;
}

/** A stage of an unmerged path in an index: 1 the base, 2 ours, 3 theirs. */
export interface Stage {
  readonly path: string;
  readonly stage: 1 | 2 | 3;
  readonly blob: string;
}

export async function unmergedStages(root: string, vars: Vars, extra?: Record<string, string>): Promise<Stage[]> {
  const out = await ok(root, vars, ['ls-files', '-u', '-z'], { extra });
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
      const [, blob, stage] = meta.split(' ');
      return { path, stage: Number(stage) as 1 | 2 | 3, blob: blob! };
    });
}

/** A merge being prepared in an index of its own, so the user's index and files stay as they are. */
interface TempIndex {
  readonly extra: Readonly<Record<string, string>>;
  /** Stage 0 for each path: a blob, or null to remove the path. */
  set(entries: ReadonlyMap<string, string | null>): Promise<void>;
  writeTree(): Promise<string>;
  dispose(): void;
}

/** A temporary index holding git's trivial three-way merge of `base`, `ours` and `theirs`. */
export async function mergeIndex(root: string, vars: Vars, trees: readonly [string, string, string]) {
  const gitDir = (await ok(root, vars, ['rev-parse', '--absolute-git-dir'])).trim();
  const file = join(gitDir, `kith-merge-${randomBytes(6).toString('hex')}.index`);
  const extra = { GIT_INDEX_FILE: file };
  const index: TempIndex = {
    extra,
    async set(entries) {
      const lines = [...entries].map(([path, blob]) =>
        blob === null ? `0 ${'0'.repeat(40)}\t${path}\n` : `100644 ${blob}\t${path}\n`,
      );
      if (lines.length) await ok(root, vars, ['update-index', '--index-info'], { input: lines.join(''), extra });
    },
    writeTree: async () => (await ok(root, vars, ['write-tree'], { extra })).trim(),
    dispose: () => {
      if (existsSync(file)) unlinkSync(file);
    },
  };
  try {
    await ok(root, vars, ['read-tree', '-m', '-i', '--aggressive', ...trees], { extra });
  } catch (err) {
    index.dispose();
    throw err;
  }
  return index;
}

/** A commit object of `tree` with `parents`, authored by the user; HEAD does not move. */
export async function commitTree(root: string, vars: Vars, tree: string, parents: readonly string[], message: string) {
  const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'];
  return (await ok(root, vars, args, { input: message })).trim();
}

/** Moves the branch and the work tree forward to `commit`; refuses (changing nothing) if a file is in the way. */
export async function fastForward(root: string, vars: Vars, commit: string, extra?: Record<string, string>) {
  const r = await runGit(root, vars, ['merge', '--ff-only', '-q', '--no-stat', commit], { extra });
  if (r.code !== 0)
    throw new KithError(
      `could not update the files to the merged version: ${gitReason(r.stderr)}`,
      'move the files git names out of the way (they are not part of the repository), then run kith sync again',
    );
}

/** Paths that differ from HEAD in the work tree or the index, and untracked files. */
export async function workTreeChanges(root: string, vars: Vars): Promise<{ path: string; tracked: boolean }[]> {
  const out = await ok(root, vars, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  return out
    .split('\0')
    .filter(Boolean)
    .map((entry) => ({ path: entry.slice(3), tracked: !entry.startsWith('??') }));
}

/** The paths that differ between two commits. */
export async function pathsBetween(root: string, vars: Vars, a: string, b: string): Promise<string[]> {
  return (await ok(root, vars, ['diff', '--name-only', '-z', '--no-renames', a, b])).split('\0').filter(Boolean);
}
