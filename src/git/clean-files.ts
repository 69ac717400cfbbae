// Which record files git can vouch for without Kith reading or stating them: `git ls-files`
// lists every tracked file with its blob id, and `git diff-files`, run beside it, names those
// whose work-tree copy differs from the index (git's own stat and "racy" checks, its lstat calls
// spread over threads). A cache keyed by blob id then follows every way the files move: edits,
// `git pull`, `checkout`, `reset` re-read exactly the files whose blob changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnv, runGit, type Vars } from './run.js';

export interface GitView {
  /** The blob id of every file git vouches for. */
  readonly clean: Map<string, string>;
  /** A digest of the index's entries under the folders (paths, modes, blob ids). */
  readonly digest: string;
  /** The index's entries under the folders, as `ls-files -z -t -s` lists them (what the digest is of). */
  readonly listing: Buffer;
  /**
   * Every file under the folders is as the index has it, and (when asked) none is untracked:
   * then a digest equal to an earlier one says that no file there changed since.
   */
  readonly settled: boolean;
  /** Empty folders under the folders (git lists no file there, but a file made there is untracked). */
  readonly empty: readonly string[];
}

const listArgs = (folders: readonly string[]) => ['ls-files', '-z', '-t', '-s', '--', ...folders];
const changedArgs = (folders: readonly string[]) => ['diff-files', '--name-only', '--relative', '-z', '--', ...folders];
const splitZ = (out: Buffer) => out.toString('utf8').split('\0').filter(Boolean);

/**
 * The blob id of every file under `folders` that is tracked, merged, and unchanged in the work
 * tree since the index; files git cannot vouch for (changed, deleted, untracked, unmerged,
 * skip-worktree) are left out, for the caller to stat. With `untracked`, untracked files are
 * looked for too (else `settled` cannot be true). Undefined when git cannot tell.
 */
export async function cleanBlobs(
  root: string,
  vars: Vars,
  folders: readonly string[],
  opts: { untracked?: boolean } = {},
): Promise<GitView | undefined> {
  const runs = [
    listArgs(folders),
    changedArgs(folders),
    // an untracked folder is named once ("dir/"), as is an empty one
    ...(opts.untracked ? [['ls-files', '-z', '-o', '--directory', '--', ...folders]] : []),
  ];
  const [listed, changed, others] = await Promise.all(
    runs.map((args) => runGit(root, vars, args).catch(() => undefined)),
  );
  if (listed?.code !== 0 || changed?.code !== 0 || (opts.untracked && others?.code !== 0)) return undefined;
  const dirty = splitZ(changed.stdout);
  const untracked = others ? splitZ(others.stdout) : [];
  const empty = untracked.filter((p) => p.endsWith('/') && isEmptyFolder(join(root, p))).map((p) => p.slice(0, -1));
  // built when first read: a search whose index git vouches for as it stands never needs it
  let clean: Map<string, string> | undefined;
  return {
    get clean() {
      return (clean ??= parseListing(listed.stdout.toString('utf8'), dirty));
    },
    digest: digestOf(listed.stdout),
    listing: listed.stdout,
    settled: !!others && untracked.length === empty.length && dirty.length === 0,
    empty,
  };
}

function isEmptyFolder(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

/** Files under `folders` whose work-tree copy differs from the index (or is gone); undefined when git cannot tell. */
export async function changedFiles(
  root: string,
  vars: Vars,
  folders: readonly string[],
): Promise<string[] | undefined> {
  const changed = await runGit(root, vars, changedArgs(folders)).catch(() => undefined);
  return changed?.code === 0 ? splitZ(changed.stdout) : undefined;
}

/**
 * The view of files known to be as they were when git's view had `digest` (see
 * store/records-git-view.ts): settled, its index listing asked of git only if a caller needs it.
 */
export function settledView(root: string, vars: Vars, folders: readonly string[], digest: string): GitView {
  let listing: Buffer | undefined;
  let clean: Map<string, string> | undefined;
  const list = () =>
    (listing ??= execFileSync('git', listArgs(folders), {
      cwd: root,
      env: gitEnv(vars),
      maxBuffer: Infinity,
    }));
  return {
    get listing() {
      return list();
    },
    get clean() {
      return (clean ??= parseListing(list().toString('utf8'), []));
    },
    digest,
    settled: true,
    empty: [],
  };
}

const digestOf = (listing: Buffer) => createHash('sha1').update(listing).digest('hex');

/**
 * The view git will give once `blobs` are staged (a path to its new blob id, or null when it is
 * removed) and nothing else moved: what a command that just committed these files can vouch for.
 * A guess only in its digest: a next command trusts it only if git then lists the same.
 */
export function afterStaging(view: GitView, blobs: ReadonlyMap<string, string | null>): GitView {
  let text = view.listing.toString('utf8');
  // a few paths are patched in place; an import's thousands in one pass over every entry
  if (blobs.size <= 32) for (const [path, blob] of blobs) text = staged(text, path, blob);
  else text = restaged(text, blobs);
  const listing = Buffer.from(text);
  let clean: Map<string, string> | undefined;
  return {
    get clean() {
      return (clean ??= parseListing(text, []));
    },
    digest: digestOf(listing),
    listing,
    settled: view.settled,
    empty: view.empty,
  };
}

/** A listing with many paths' entries changed, added or removed: every entry read, sorted again by bytes. */
function restaged(text: string, blobs: ReadonlyMap<string, string | null>): string {
  const entries = new Map<string, string>();
  for (const line of text.split('\0')) if (line) entries.set(line.slice(line.indexOf('\t') + 1), line);
  for (const [path, blob] of blobs) {
    const mode = /^H (\d+) /.exec(entries.get(path) ?? '')?.[1] ?? '100644';
    if (blob === null) entries.delete(path);
    else entries.set(path, `H ${mode} ${blob} 0\t${path}`);
  }
  const paths = [...entries.keys()].map((p) => Buffer.from(p)).sort(Buffer.compare);
  return paths.map((p) => `${entries.get(p.toString())}\0`).join('');
}

/** A listing with one path's entry changed, added in the index's order (bytes), or removed. */
function staged(text: string, path: string, blob: string | null): string {
  const found = text.indexOf(`\t${path}\0`);
  if (found >= 0) {
    const start = text.lastIndexOf('\0', found) + 1;
    const mode = /^H (\d+) /.exec(text.slice(start, found))?.[1] ?? '100644';
    const line = blob === null ? '' : `H ${mode} ${blob} 0\t${path}\0`;
    return text.slice(0, start) + line + text.slice(found + path.length + 2);
  }
  if (blob === null) return text;
  // where it goes: before the first entry whose path sorts after it
  const key = Buffer.from(path);
  let [lo, hi] = [0, text.length];
  while (lo < hi) {
    const start = text.lastIndexOf('\0', ((lo + hi) >> 1) - 1) + 1;
    const end = text.indexOf('\0', start);
    const other = text.slice(text.indexOf('\t', start) + 1, end);
    if (Buffer.compare(Buffer.from(other), key) < 0) lo = end + 1;
    else hi = start;
  }
  return `${text.slice(0, lo)}H 100644 ${blob} 0\t${path}\0${text.slice(lo)}`;
}

/**
 * Reads `ls-files -z -t -s` output ("H mode blob stage\tpath" per file; other tags mark files
 * skipped or unmerged) less the files `diff-files` names as changed or deleted.
 */
export function parseListing(out: string, changed: readonly string[]): Map<string, string> {
  const clean = new Map<string, string>();
  const doubtful = [...changed];
  for (let at = 0; at < out.length;) {
    let end = out.indexOf('\0', at);
    if (end < 0) end = out.length;
    const tab = out.indexOf('\t', at);
    if (out[at] === 'H' && tab > at && tab < end) {
      // "H 100644 <blob> 0\t<path>": merged (stage 0) regular files only, never a link
      const fields = out.slice(at + 2, tab).split(' ');
      const path = out.slice(tab + 1, end);
      if (fields[2] === '0' && (fields[0] === '100644' || fields[0] === '100755')) clean.set(path, fields[1]!);
      else doubtful.push(path);
    } else if (end > at + 2) doubtful.push(tab > at && tab < end ? out.slice(tab + 1, end) : out.slice(at + 2, end));
    at = end + 1;
  }
  for (const path of doubtful) clean.delete(path);
  return clean;
}
