// The one way Kith runs git: simple-git with the environment passed explicitly (simple-git 4
// drops inherited GIT_* variables unless they are allowed) and prompts turned off, since a
// command must never hang waiting for a password.
import { execFile } from 'node:child_process';
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

/** A git client for the repository at `root`; `own` sets variables of Kith's own (a temporary index). */
export function git(root: string, vars: Vars, own: Readonly<Record<string, string>> = {}): SimpleGit {
  const env = { ...gitEnv(vars), ...own };
  const allowEnvironment = Object.keys(env).filter((k) => k.toUpperCase().startsWith('GIT_'));
  return simpleGit({ baseDir: root, trimmed: true, allowEnvironment, unsafe: UNSAFE_ALLOWED } as never).env(env);
}

/** Runs git with text on its standard input (plumbing that simple-git cannot feed). */
export function gitWithInput(root: string, vars: Vars, args: readonly string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      { cwd: root, env: gitEnv(vars), maxBuffer: 64 * 1024 * 1024 },
      (err, out, errOut) => (err ? reject(Object.assign(err, { message: `${errOut || err.message}` })) : resolve(out)),
    );
    // a git that fails before reading its input closes the pipe: that is its error, not ours
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
