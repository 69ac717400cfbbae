// The data repository behind one interface: finding it, its settings and records, a record
// by path or by what a person typed, the text of a file for editing, and applying a change
// as atomic writes plus one commit. Commands reach the data only through `Repo`.
import { openConversationKeys, pickConversation } from '../core/conversation/index.js';
import {
  indexRepo,
  KithError,
  recordKeys,
  quotePath,
  resolveKey,
  resolveRef,
  type AnyRecord,
  type Conversation,
  type Problem,
  type RecordKind,
  type RepoData,
  type TeamSettings,
} from '../core/model/index.js';
import { ensureCanCommit } from '../git/commit.js';
import type { Vars } from '../git/git.js';
import { editRecordText, type FieldChanges } from './front-matter-edit.js';
import { freePath, pathExists } from './layout.js';
import { followWrite, vouchedCache } from './cache-manifest.js';
import { clearCache, refreshPaths } from './index-cache.js';
import { loadData, recordReader, withConversations, type LoadOptions } from './repo-data.js';
import { readRecord, type ReadResult } from './records.js';
import { readRepoFile } from './safe-paths.js';
import { loadSettings } from './settings.js';
import { applyFiles } from './transaction.js';
import { changeErrors, InvalidChange } from './validate-change.js';

/** What a command changes: files written and removed, committed as one commit. */
export interface Change {
  readonly writes: ReadonlyMap<string, string>;
  readonly removes?: readonly string[];
  /** The commit's first line: what happened, in words. */
  readonly summary: string;
  /** The Kith-Action trailer: the command's verb. */
  readonly action: string;
  /** The Kith-Ref trailers: the records the change is about. */
  readonly refs: readonly string[];
  readonly trailers?: Readonly<Record<string, string | readonly string[]>>;
}

export interface Repo {
  readonly root: string;
  readonly settings: TeamSettings;
  /** Every record, as core functions take them, with the problems met loading them. */
  readonly data: RepoData;
  /** A record by its repository path. */
  get(path: string): AnyRecord | undefined;
  /** One record for what a person typed, or a usage error listing candidates. */
  resolve(ref: string, kinds?: readonly RecordKind[]): AnyRecord;
  /** As resolve, the record read whole from disk now: where keys are kept, no other record is read. */
  resolveFull(ref: string, kinds?: readonly RecordKind[]): AnyRecord;
  /** The one open conversation a reference means (read whole), or a usage error saying why not. */
  openConversation(ref: string): Conversation;
  /**
   * The repository as a command about one record's open conversation needs it: where keys are
   * kept, only the conversations that may be open with it, each read whole; else `data`.
   */
  around(target: AnyRecord): RepoData;
  /** One record read whole from disk now (body and timeline), for a card or an edit. */
  full(path: string): AnyRecord;
  /** The text of a record file as it is on disk now, for an edit in place. */
  readForEdit(path: string): string;
  /** Whether a file exists at a repository path. */
  exists(path: string): boolean;
  /** A path for a new record in `dir` that no file uses: slug, slug-2, slug-3... */
  newPath(dir: string, slug: string): string;
  /** Throws when git could not commit here, before anything is written. */
  ensureCanCommit(): Promise<void>;
  /** The errors a change's writes would add (what `kith check` would reject), at their nodes. */
  validate(writes: ReadonlyMap<string, string>, removes?: readonly string[]): Problem[];
  /** Refuses a change `validate` finds errors in; else writes every file atomically, then
   * commits exactly those files; the short commit id. */
  apply(change: Change): Promise<string>;
}

export interface OpenOptions extends LoadOptions {
  /** Forget the index cache first: every file is read and the cache built again. */
  readonly rebuild?: boolean;
}

/** Opens the repository at `root`: settings and every record loaded. */
export async function openRepo(root: string, vars: Vars, opts: OpenOptions = {}): Promise<Repo> {
  const { settings, problems } = loadSettings(root);
  if (opts.rebuild) clearCache(root);
  const loaded = await loadData(root, vars, settings, problems, opts);
  const data = loaded.data;
  // what git vouched for when the records were read, carried over each write of this command
  let view = loaded.view;
  const read = (path: string) => {
    const { text, problem } = readRepoFile(root, path);
    if (problem || text === undefined) throw new KithError(`${quotePath(path)}: ${problem!.message}`, problem!.hint);
    return text;
  };
  const full = (path: string) => {
    const { record, problems } = readRecord(path, read(path));
    if (!record)
      throw new KithError(problems[0] ? `${quotePath(path)}: ${problems[0].message}` : `${path} is not a record`);
    return record;
  };
  const around = (target: AnyRecord) => {
    const keys = openConversationKeys(data, target);
    return keys
      ? withConversations(
          data,
          keys.map((k) => full(k.path) as Conversation),
        )
      : data;
  };
  const taken = () => new Set(recordKeys(data).map((k) => k.path));
  return {
    root,
    settings,
    data,
    get: (path) => indexRepo(data).byPath.get(path),
    resolve: (ref, kinds) => resolveRef(data, ref, kinds),
    resolveFull: (ref, kinds) => full(resolveKey(data, ref, kinds).path),
    openConversation(ref) {
      const target = full(resolveKey(data, ref).path);
      return pickConversation(around(target), target);
    },
    readForEdit: read,
    full,
    around,
    exists: (path) => pathExists(root, path),
    newPath: (dir, slug) => freePath(root, taken(), dir, slug),
    ensureCanCommit: () => ensureCanCommit(root, vars),
    validate: (writes, removes) => changeErrors(data, writes, removes),
    async apply(change) {
      const parsed = new Map<string, ReadResult>();
      const broken = changeErrors(data, change.writes, change.removes, parsed);
      if (broken.length) throw new InvalidChange(broken);
      const commit = await applyChange(root, vars, change);
      // the cache follows in the same locked step, from the records just read
      const paths = [...change.writes.keys(), ...(change.removes ?? [])];
      const was = vouchedCache(root, view);
      const refreshed = refreshPaths(root, recordReader(root), paths, { texts: change.writes, parsed });
      view = followWrite(root, view, was, refreshed);
      return commit;
    },
  };
}

/** Writes a change's files atomically under `root` and commits exactly those files, or changes nothing. */
export function applyChange(root: string, vars: Vars, change: Change): Promise<string> {
  const removes = change.removes ?? [];
  return applyFiles(root, vars, {
    writes: change.writes,
    removes,
    action: change.action,
    commit: {
      paths: [...change.writes.keys(), ...removes],
      summary: change.summary,
      trailers: { 'Kith-Action': change.action, 'Kith-Ref': change.refs, ...change.trailers },
    },
  });
}

export interface RecordEdit {
  readonly changes: FieldChanges;
  /** Rewrites the body (a timeline entry appended), after the front matter changes. */
  readonly body?: (body: string) => string;
  readonly summary: string;
  readonly action: string;
}

/** Changes one record in place, as it is on disk now, and commits it. */
export function applyEdit(repo: Repo, path: string, edit: RecordEdit): Promise<string> {
  const text = editRecordText(repo.readForEdit(path), path, edit.changes, edit.body);
  return repo.apply({ writes: new Map([[path, text]]), summary: edit.summary, action: edit.action, refs: [path] });
}
