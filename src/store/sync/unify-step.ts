// After the remote's commits came in: the records of the repository as it is now (what was
// loaded, with every file that changed since read again), and one commit that makes each
// record found in two files one file.
import { allRecords, type AnyRecord } from '../../core/model/index.js';
import type { Vars } from '../../git/git.js';
import { pathsBetween, revParse } from '../../git/tree.js';
import { kindOfPath } from '../layout.js';
import { unifyDuplicates, type Unified } from '../merge/unify.js';
import { readRecord } from '../records.js';
import type { Repo } from '../repo.js';
import { readRepoFile } from '../safe-paths.js';

/** Unifies duplicates in the repository as it is now; `loaded` is the commit the Repo's data was read at. */
export async function unifyAfter(repo: Repo, vars: Vars, loaded: string): Promise<Unified[]> {
  const head = (await revParse(repo.root, vars, 'HEAD'))!;
  const changed = new Set(head === loaded ? [] : await pathsBetween(repo.root, vars, loaded, head));
  const read = (path: string) => {
    const { text, problem } = readRepoFile(repo.root, path);
    if (problem) throw new Error(problem.message);
    return text!;
  };
  const records: AnyRecord[] = allRecords(repo.data).filter((r) => !changed.has(r.path));
  for (const path of changed) {
    if (!kindOfPath(path)) continue;
    let text: string;
    try {
      text = read(path);
    } catch {
      continue; // removed
    }
    const { record } = readRecord(path, text);
    if (record) records.push(record);
  }
  const { unified, change } = unifyDuplicates(records, read);
  if (change) await repo.apply(change);
  return unified;
}
