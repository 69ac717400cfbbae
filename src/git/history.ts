// Kith's commits read back from git history: who made them, when, what they said and the
// trailers tools read; the files a commit changed and their content before it. Read-only.
import { git, gitWithInput, type Vars } from './git.js';

export interface KithCommit {
  readonly sha: string;
  readonly email: string;
  readonly date: string;
  readonly summary: string;
  readonly action?: string;
  /** The commit an undo commit undid (Kith-Undoes). */
  readonly undoes?: string;
  readonly parents: readonly string[];
}

const FIELDS = [
  '%H',
  '%ae',
  '%aI',
  '%s',
  '%(trailers:key=Kith-Action,valueonly)',
  '%(trailers:key=Kith-Undoes,valueonly)',
  '%P',
];

/** The most recent commits (up to `limit`), newest first. */
export async function recentCommits(root: string, vars: Vars, limit: number): Promise<KithCommit[]> {
  const out = await git(root, vars)
    .raw(['log', `-${limit}`, `--format=${FIELDS.join('%x1f')}%x1e`])
    .catch(() => '');
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha, email, date, summary, action, undoes, parents] = record.split('\x1f').map((f) => f.trim());
      return {
        sha: sha!,
        email: email!,
        date: date!,
        summary: summary!,
        action: action || undefined,
        undoes: undoes || undefined,
        parents: (parents ?? '').split(' ').filter(Boolean),
      };
    });
}

/** The paths a commit added, changed or removed. */
export async function changedPaths(root: string, vars: Vars, sha: string): Promise<string[]> {
  const out = await git(root, vars).raw(['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', sha]);
  return out.split('\0').filter(Boolean);
}

/** The short ids of commits after `sha` that touched any of these paths, newest first. */
export async function laterTouches(root: string, vars: Vars, sha: string, paths: readonly string[]): Promise<string[]> {
  const out = await git(root, vars).raw(['log', '--format=%h %s', `${sha}..HEAD`, '--', ...paths]);
  return out.split('\n').filter(Boolean);
}

/** A file's content at a commit, or undefined when the commit has no such file. */
export async function contentAt(root: string, vars: Vars, rev: string, path: string): Promise<string | undefined> {
  // not through simple-git, which trims: a file's last newline is part of it
  return gitWithInput(root, vars, ['cat-file', 'blob', `${rev}:${path}`], '').then(
    (text) => text,
    () => undefined,
  );
}
