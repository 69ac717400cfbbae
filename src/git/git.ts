// The one way Kith runs git: simple-git with the environment passed explicitly (simple-git 4
// drops inherited GIT_* variables unless they are allowed) and prompts turned off, since a
// command must never hang waiting for a password.
import { simpleGit, type SimpleGit } from 'simple-git';
import { gitEnv, runGit, type Vars } from './run.js';

export { gitEnv, runGit, type Vars } from './run.js';

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

/** A git client for the repository at `root`; `own` sets variables of Kith's own (a temporary index). */
export function git(root: string, vars: Vars, own: Readonly<Record<string, string>> = {}): SimpleGit {
  const env = { ...gitEnv(vars), ...own };
  const allowEnvironment = Object.keys(env).filter((k) => k.toUpperCase().startsWith('GIT_'));
  return simpleGit({ baseDir: root, trimmed: true, allowEnvironment, unsafe: UNSAFE_ALLOWED } as never).env(env);
}

/** Runs git with text on its standard input (plumbing that simple-git cannot feed); its output, or git's error. */
export async function gitWithInput(root: string, vars: Vars, args: readonly string[], input: string): Promise<string> {
  const r = await runGit(root, vars, args, { input });
  if (r.code !== 0) throw Object.assign(new Error(r.stderr || `git ${args[0]} exited ${r.code}`), { code: r.code });
  return r.stdout.toString('utf8');
}
