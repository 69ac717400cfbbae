// What every data-changing command shares: who the user is, and applying a change as
// atomic writes followed by one commit. Nothing is written when git could not commit it.
import { KithError } from '../core/errors.js';
import type { AnyRecord, TeamSettings } from '../core/types.js';
import { commitPaths, ensureCanCommit, gitIdentity } from '../git/commit.js';
import { readConfig } from '../store/config.js';
import { editFile, parseFile } from '../store/front-matter.js';
import { removeFile, writeAtomic, type LoadedRepo } from '../store/repo.js';
import type { Env } from './env.js';

export interface Change {
  readonly writes: ReadonlyMap<string, string>;
  readonly removes?: readonly string[];
  readonly summary: string;
  readonly action: string;
  readonly refs: readonly string[];
  readonly extraTrailers?: Readonly<Record<string, string | readonly string[]>>;
  /** Paths already written (by an interrupted run) that belong in this commit too. */
  readonly alsoCommit?: readonly string[];
}

export async function applyChange(root: string, change: Change): Promise<string> {
  await ensureCanCommit(root);
  for (const [path, text] of change.writes) writeAtomic(root, path, text);
  for (const path of change.removes ?? []) removeFile(root, path);
  return commitPaths(root, {
    paths: [...change.writes.keys(), ...(change.removes ?? []), ...(change.alsoCommit ?? [])],
    summary: change.summary,
    trailers: { 'Kith-Action': change.action, 'Kith-Ref': change.refs, ...change.extraTrailers },
  });
}

/**
 * The user's team handle: personal config first, then the member whose e-mail is the git
 * identity's, then the git e-mail's local part.
 */
export async function currentHandle(env: Env, root: string, settings: TeamSettings): Promise<string> {
  const configured = readConfig(env.vars).handle ?? env.vars.KITH_USER;
  if (configured) return configured.replace(/^@/, '');
  const { email, name } = await gitIdentity(root);
  const member = settings.members.find((m) => (email && m.emails.includes(email.toLowerCase())) || (name && m.name === name));
  if (member) return member.handle;
  if (email) return email.split('@')[0]!.toLowerCase();
  throw new KithError('cannot tell which teammate you are', 'set `handle: yourname` in ~/.config/kith/config.yaml');
}

/** Changes fields of one record in place and commits them with `summary`. */
export async function editFields(repo: LoadedRepo, record: AnyRecord, changes: Readonly<Record<string, unknown>>, summary: string, action: string): Promise<string> {
  const original = repo.texts.get(record.path)!;
  const text = editFile(original, parseFile(original, record.path), changes);
  return applyChange(repo.root, { writes: new Map([[record.path, text]]), summary, action, refs: [record.path] });
}
