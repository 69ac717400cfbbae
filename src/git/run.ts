// Running git as a child process, with the user's environment less what would point it
// elsewhere, and never prompting. No simple-git here: a command that only asks git for a
// listing (the caches' key) loads this alone, before anything heavy.
import { spawn } from 'node:child_process';

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

/** The environment git runs with: the user's, without the variables above, never prompting. */
export function gitEnv(vars: Vars): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (v !== undefined && !DROPPED.has(k.toUpperCase())) env[k] = v;
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
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
  opts: { readonly input?: string | Buffer; readonly extra?: Readonly<Record<string, string>> } = {},
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
