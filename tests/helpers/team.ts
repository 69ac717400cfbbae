// A team sharing one repository through a git host, for sync tests: a bare repository (served
// over file://, or by `git daemon` on 127.0.0.1), and clones under different identities. The
// commands run in-process (tests/helpers/env.ts), with real files and real git.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../../src/commands/env.js';
import { run as add } from '../../src/commands/add.js';
import { run as clone } from '../../src/commands/clone.js';
import { run as init } from '../../src/commands/init.js';
import { run as sync } from '../../src/commands/sync.js';
import { testEnv, type TestEnv } from './env.js';

export interface Mate {
  readonly handle: string;
  readonly dir: string;
  readonly t: TestEnv;
  /** The Env of a command run in this clone; `now` moves the clock. */
  env(now?: string): Env;
  git(args: readonly string[]): string;
  read(path: string): string;
  write(path: string, text: string): void;
}

export interface Team {
  readonly url: string;
  readonly bare: string;
  readonly mates: readonly Mate[];
}

const NAMES: Record<string, string> = { alice: 'Alice Martin', bob: 'Bob Stone', cron: 'Import Robot' };

function gitIn(dir: string, env: Env, args: readonly string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...env.vars } as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function mate(handle: string, dir: string, t: TestEnv): Mate {
  const env = (now?: string) => t.with({ cwd: dir, ...(now ? { now: Date.parse(now) } : {}) });
  return {
    handle,
    dir,
    t,
    env,
    git: (args) => gitIn(dir, env(), args),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write: (path, text) => writeFileSync(join(dir, path), text),
  };
}

function person(handle: string, now?: string): TestEnv {
  const t = testEnv({ now });
  const name = NAMES[handle] ?? handle;
  writeFileSync(join(t.home, '.gitconfig'), `[user]\n\tname = ${name}\n\temail = ${handle}@northwind.example\n[init]\n\tdefaultBranch = main\n`);
  return t;
}

/**
 * A team repository holding Acme, Jane Doe and a deal, pushed by the first mate; the others
 * clone it with `kith clone`. `url` is the bare repository's file:// URL unless given.
 */
export async function team(handles: readonly string[] = ['alice', 'bob', 'cron'], opts: { url?: (bare: string) => Promise<string> } = {}): Promise<Team> {
  const bare = join(mkdtempSync(join(tmpdir(), 'kith-remote-')), 'crm.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  const url = opts.url ? await opts.url(bare) : `file://${bare}`;
  const first = person(handles[0]!);
  const dir = join(first.dir, 'crm');
  await init({ dir: 'crm', name: 'Northwind', domain: ['northwind.example'] }, first.env);
  const members = handles.map((h) => `  - {handle: ${h}, name: ${NAMES[h] ?? h}, emails: [${h}@northwind.example]}`).join('\n');
  const settings = readFileSync(join(dir, 'kith.yaml'), 'utf8').replace(/members:\n(  - .*\n)+/, `members:\n${members}\n`);
  writeFileSync(join(dir, 'kith.yaml'), settings);
  const a = mate(handles[0]!, dir, first);
  a.git(['commit', '-q', '--allow-empty', '-am', 'the team']);
  await add({ kind: 'org', name: 'Acme', domain: ['acme.example'] }, a.env());
  await add({ kind: 'contact', name: 'Jane Doe', email: ['jane@acme.example'], title: 'CTO' }, a.env());
  await add({ kind: 'deal', title: 'Acme SSO', org: 'acme', amount: '48000', contact: ['jane-doe'] }, a.env());
  a.git(['remote', 'add', 'origin', url]);
  await sync({}, a.env());
  const mates = [a];
  for (const h of handles.slice(1)) {
    const t = person(h);
    await clone({ url, dir: 'crm' }, t.env);
    mates.push(mate(h, join(t.dir, 'crm'), t));
  }
  return { url, bare, mates };
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** `git daemon` serving `base` (read and push) on 127.0.0.1:port, until stopped. */
export async function gitDaemon(base: string): Promise<{ port: number; stop(): void; daemon: ChildProcess }> {
  const port = await freePort();
  const daemon = spawn('git', ['daemon', '--reuseaddr', '--export-all', '--enable=receive-pack', '--listen=127.0.0.1', `--port=${port}`, `--base-path=${base}`, base], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, daemon, stop: () => daemon.kill() };
}
