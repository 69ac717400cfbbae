// The one way Kith runs git: simple-git with the environment passed explicitly (simple-git 4
// drops inherited GIT_* variables unless they are allowed) and prompts turned off, since a
// command must never hang waiting for a password.
import { spawn } from 'node:child_process';
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

export interface GitRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * Runs git with bytes on its standard input and returns its output untrimmed: what simple-git
 * cannot do (`cat-file --batch`, `update-index --index-info`). Same environment as `git()`.
 */
export function runGit(
  root: string,
  vars: Vars,
  args: readonly string[],
  opts: { readonly input?: string; readonly extra?: Readonly<Record<string, string>> } = {},
): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, env: { ...gitEnv(vars), ...opts.extra } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    // a git that fails before reading its input closes the pipe: that is its error, not ours
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git with text on its standard input (plumbing that simple-git cannot feed); its output, or git's error. */
export async function gitWithInput(root: string, vars: Vars, args: readonly string[], input: string): Promise<string> {
  const r = await runGit(root, vars, args, { input });
  if (r.code !== 0) throw Object.assign(new Error(r.stderr || `git ${args[0]} exited ${r.code}`), { code: r.code });
  return r.stdout.toString('utf8');
}
