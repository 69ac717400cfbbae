// An Env for running commands in-process, as git-bug's env_testing does: captured output,
// a fixed clock and zone, scripted answers to prompts and a scripted editor. Commands
// still use real files and real git, in a temporary HOME and work folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Env } from '../../src/commands/env.js';

export interface TestEnv {
  readonly env: Env;
  readonly home: string;
  readonly dir: string;
  out(): string;
  err(): string;
  /** A copy of the Env with other settings: another folder, now, answers or editor. */
  with(changes: Partial<Env>): Env;
}

export function testEnv(opts: { now?: string; answers?: string[]; tty?: boolean } = {}): TestEnv {
  const home = mkdtempSync(join(tmpdir(), 'kith-home-'));
  const dir = mkdtempSync(join(tmpdir(), 'kith-work-'));
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Maya Lindqvist\n\temail = maya@northwind.example\n[init]\n\tdefaultBranch = main\n');
  let out = '';
  let err = '';
  const answers = [...(opts.answers ?? [])];
  const env: Env = {
    cwd: dir,
    vars: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH },
    now: Date.parse(opts.now ?? '2026-11-25T10:00:00+01:00'),
    zone: 'Europe/Paris',
    out: { write: (t) => void (out += t), isTTY: false, color: false, columns: 100 },
    err: { write: (t) => void (err += t), isTTY: false, color: false, columns: 100 },
    stdin: Readable.from([]),
    stdinIsTTY: opts.tty ?? false,
    ask: async (question) => {
      err += question;
      return answers.shift() ?? '';
    },
    edit: () => 0,
  };
  return { env, home, dir, out: () => out, err: () => err, with: (changes) => ({ ...env, ...changes }) };
}
