// Which record files git can vouch for without Kith reading or stating them: `git ls-files`
// lists every tracked file with its blob id, and `git diff-files`, run beside it, names those
// whose work-tree copy differs from the index (git's own stat and "racy" checks, its lstat calls
// spread over threads). A cache keyed by blob id then follows every way the files move: edits,
// `git pull`, `checkout`, `reset` re-read exactly the files whose blob changed.
import { runGit, type Vars } from './git.js';

/**
 * The blob id of every file under `folders` that is tracked, merged, and unchanged in the work
 * tree since the index; files git cannot vouch for (changed, deleted, untracked, unmerged,
 * skip-worktree) are left out, for the caller to stat. Undefined when git cannot tell.
 */
export async function cleanBlobs(
  root: string,
  vars: Vars,
  folders: readonly string[],
): Promise<Map<string, string> | undefined> {
  const [listed, changed] = await Promise.all(
    [
      ['ls-files', '-z', '-t', '-s', '--', ...folders],
      ['diff-files', '--name-only', '--relative', '-z', '--', ...folders],
    ].map((args) => runGit(root, vars, args).catch(() => undefined)),
  );
  if (listed?.code !== 0 || changed?.code !== 0) return undefined;
  return parseListing(listed.stdout.toString('utf8'), changed.stdout.toString('utf8').split('\0'));
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
