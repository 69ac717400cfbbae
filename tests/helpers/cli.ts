// Runs bin/kith as a user would: a child process with a temporary HOME, git identity and
// fixed clock, against a temporary data repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = new URL('../../bin/kith', import.meta.url).pathname;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface Sandbox {
  readonly home: string;
  readonly dir: string;
  readonly env: Record<string, string>;
  kith(args: readonly string[], opts?: { cwd?: string; input?: string; env?: Record<string, string | undefined> }): Run;
  git(args: readonly string[], cwd?: string): string;
}

/** A temporary HOME with a git identity and a fixed now; `dir` is an empty work folder. */
export function sandbox(opts: { now?: string; identity?: boolean } = {}): Sandbox {
  const home = mkdtempSync(join(tmpdir(), 'kith-home-'));
  const dir = mkdtempSync(join(tmpdir(), 'kith-work-'));
  if (opts.identity !== false) {
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Maya Lindqvist\n\temail = maya@northwind.example\n[init]\n\tdefaultBranch = main\n');
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    TZ: 'Europe/Paris',
    KITH_NOW: opts.now ?? '2026-11-25T10:00:00+01:00',
    NO_COLOR: '1',
    COLUMNS: '100',
    LANG: 'C.UTF-8',
  };
  const kith: Sandbox['kith'] = (args, o = {}) => {
    const merged = { ...env, ...o.env };
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: o.cwd ?? dir, env: merged as NodeJS.ProcessEnv, input: o.input ?? '', encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
  };
  const git: Sandbox['git'] = (args, cwd = dir) => {
    const r = spawnSync('git', args, { cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  return { home, dir, env, kith, git };
}

/** A sandbox with an initialised data repo holding Acme, Jane Doe and a deal. */
export function seededRepo(opts: { now?: string } = {}): Sandbox {
  const s = sandbox(opts);
  const ok = (args: string[]) => {
    const r = s.kith(args);
    if (r.code !== 0) throw new Error(`kith ${args.join(' ')} failed: ${r.stderr}`);
  };
  ok(['init', '.', '--name', 'Northwind', '--domain', 'northwind.example']);
  ok(['add', 'org', 'Acme', '--domain', 'acme.example']);
  ok(['add', 'contact', 'Jane Doe', '--email', 'jane@acme.example', '--title', 'CTO', '--tag', 'champion']);
  ok(['add', 'contact', 'John Roe', '--email', 'john@acme.example']);
  ok(['add', 'deal', 'Acme SSO rollout', '--org', 'acme', '--amount', '48000', '--contact', 'jane-doe']);
  return s;
}
