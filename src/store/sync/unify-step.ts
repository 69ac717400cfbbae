// After the remote's commits came in: the records of the repository as it is now, and one
// commit that makes each record found in two files one file.
import { allRecords } from '../../core/model/index.js';
import type { Vars } from '../../git/git.js';
import { revParse } from '../../git/tree.js';
import { unifyDuplicates, type Unified } from '../merge/unify.js';
import { openRepo, type Repo } from '../repo.js';
import { readRepoFile } from '../safe-paths.js';

/**
 * Unifies duplicates in the repository as it is now; `loaded` is the commit the Repo's data was
 * read at. Nothing came in and nothing was edited by hand: nothing can have become a duplicate.
 */
export async function unifyAfter(repo: Repo, vars: Vars, loaded: string, edited: boolean): Promise<Unified[]> {
  if ((await revParse(repo.root, vars, 'HEAD')) === loaded && !edited) return [];
  const read = (path: string) => {
    const { text, problem } = readRepoFile(repo.root, path);
    if (problem) throw new Error(problem.message);
    return text!;
  };
  // the repository as it is now, as the index cache's excerpts: duplicates are found by ids,
  // threads and the message ids of mail entries, references by front matter and entry authors
  const records = allRecords((await openRepo(repo.root, vars, { excerpts: true })).data);
  const { unified, change } = unifyDuplicates(records, read);
  if (change) await repo.apply(change);
  return unified;
}
