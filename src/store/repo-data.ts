// Every record of the repository as RepoData: read whole, or as the index cache's excerpts, and
// from a cache git vouches for as a whole, kind by kind when a command first asks for a kind.
import {
  recordsOfKind,
  type Contact,
  type Deal,
  type Org,
  type Conversation,
  type Problem,
  type RecordKind,
  type RepoData,
  type TeamSettings,
} from '../core/model/index.js';
import type { GitView } from '../git/clean-files.js';
import type { Vars } from '../git/git.js';
import { vouchedCache, vouchedFolder, vouchedKeys, vouchForCache, type Manifest } from './cache-manifest.js';
import { loadRecords, type ReadText } from './index-cache.js';
import { kindOfPath, walkRecordFolders } from './layout.js';
import { lazyData } from './lazy-data.js';
import { recordsGitView } from './records-git-view.js';

import { repoFileReader } from './safe-paths.js';

export interface LoadOptions {
  /**
   * Records as the index cache keeps them: no bodies, entries with their first line only.
   * For commands that list, count and point; `full(path)` reads one record whole.
   */
  readonly excerpts?: boolean;
  /** What git vouches for in the record folders, when the caller asked already (recordsGitView). */
  readonly git?: Promise<GitView | undefined>;
}

/** The one reader of record files, for the store's other indexes (search). */
export function recordReader(root: string): ReadText {
  return repoFileReader(root);
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Every record of the repository, read and checked field by field (excerpts from the cache, or
 * whole). Excerpts from a cache git vouches for as a whole are read kind by kind, when asked
 * for: a listing of deals never parses fifty thousand conversations.
 */
export async function loadData(
  root: string,
  vars: Vars,
  settings: TeamSettings,
  settingsProblems: readonly Problem[],
  opts: LoadOptions,
): Promise<{ data: RepoData; view: GitView | undefined }> {
  const git = opts.git ?? recordsGitView(root, vars);
  if (opts.excerpts) {
    const view = await git;
    const vouched = vouchedCache(root, view);
    if (vouched)
      return { data: vouchedData(root, settings, [...settingsProblems, ...vouched.problems], vouched, view!), view };
  }
  const problems: Problem[] = [];
  const contacts: Contact[] = [];
  const orgs: Org[] = [];
  const deals: Deal[] = [];
  const conversations: Conversation[] = [];
  const { records: paths, temporaries, strays } = walkRecordFolders(root);
  for (const file of temporaries) {
    const message = 'a temporary file an interrupted write left behind; the next kith command that writes removes it';
    problems.push({ file, line: 1, col: 1, severity: 'warning', message });
  }
  const blobs = git.then((view) => view?.clean);
  const loaded = await loadRecords(root, paths, recordReader(root), { full: !opts.excerpts, blobs, threads: true });
  problems.push(...loaded.problems);
  for (const record of loaded.records) {
    if (record.kind === 'contact') contacts.push(record);
    else if (record.kind === 'org') orgs.push(record);
    else if (record.kind === 'deal') deals.push(record);
    else conversations.push(record);
  }
  for (const { path, belongs } of strays)
    problems.push({
      file: path,
      line: 1,
      col: 1,
      severity: 'warning',
      message: 'not read: no record lives here',
      hint: `records of this folder are ${belongs}; move or remove it`,
    });
  const view = await git;
  if (loaded.kept) vouchForCache(root, view, { folders: [...new Set(paths.map(folderOf))], problems });
  return {
    data: { settings, contacts, orgs, deals, conversations, problems: [...settingsProblems, ...problems] },
    view,
  };
}

/** The records of a cache git vouches for, each kind read from its folders' shards when first asked for. */
function vouchedData(
  root: string,
  settings: TeamSettings,
  problems: readonly Problem[],
  { folders, settings: stamp, shards }: Manifest,
  git: GitView,
): RepoData {
  const read = recordReader(root);
  const mine = (kind: RecordKind) => folders.filter((f) => kindOfPath(`${f}/x.md`) === kind);
  const at = (folder: string) => ({ root, folder, read, git, settings: stamp, id: shards[folder] });
  return lazyData(
    { settings, problems },
    (kind) => mine(kind).flatMap((folder) => vouchedFolder(at(folder))),
    (kind) => mine(kind).flatMap((folder) => vouchedKeys(at(folder))),
  );
}

/**
 * The repository with only these conversations (the rest read from `data` when asked for): for a
 * command about one record.
 */
export function withConversations(data: RepoData, conversations: readonly Conversation[]): RepoData {
  return lazyData(data, (kind) => (kind === 'conversation' ? conversations : recordsOfKind(data, kind)), data.keys);
}
