// The one way Kith runs git: simple-git with the environment passed explicitly (simple-git 4
// drops inherited GIT_* variables unless they are allowed) and prompts turned off, since a
// command must never hang waiting for a password.
import { simpleGit, type SimpleGit } from 'simple-git';

export type Vars = Readonly<Record<string, string | undefined>>;

// Left out of git's environment: what would point git at another repository, index or work
// tree than ours, and the editors, pagers and diff programs a non-interactive run never wants.
const DROPPED = new Set([
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_PREFIX',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_PAGER',
  'GIT_EXTERNAL_DIFF',
  'PREFIX',
]);

// The user's own git settings (ssh command, askpass, config files) are theirs to choose: simple-git
// refuses them unless allowed. Nothing here comes from a repository's content.
const UNSAFE_ALLOWED = {
  allowUnsafeSshCommand: true,
  allowUnsafeAskPass: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeExec: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
};

/** The environment git runs with: the user's, without the variables above, never prompting. */
export function gitEnv(vars: Vars): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (v !== undefined && !DROPPED.has(k.toUpperCase())) env[k] = v;
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
}

/** A git client for the repository at `root`. */
export function git(root: string, vars: Vars): SimpleGit {
  const env = gitEnv(vars);
  const allowEnvironment = Object.keys(env).filter((k) => k.toUpperCase().startsWith('GIT_'));
  return simpleGit({ baseDir: root, trimmed: true, allowEnvironment, unsafe: UNSAFE_ALLOWED } as never).env(env);
}
