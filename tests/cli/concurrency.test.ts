// One writer at a time, and nothing half-done: many kith commands at once in one clone, and
// commands killed with SIGKILL at random moments. Every change that reported success is there
// exactly once, no file is torn, no lock or journal is left behind, the tree is clean.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, seededRepo, type Sandbox } from '../helpers/cli.js';

function start(s: Sandbox, args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: s.dir,
    env: { ...s.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

function allText(dir: string, folder: string): string {
  const walk = (rel: string): string[] =>
    readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(`${rel}/${e.name}`)
        : e.name.endsWith('.md')
          ? [readFileSync(join(dir, rel, e.name), 'utf8')]
          : [],
    );
  return walk(folder).join('\n');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const commits = (s: Sandbox) => Number(s.git(['rev-list', '--count', 'HEAD']).trim());

// mulberry32: a seeded generator, so a failing run can be replayed
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// what a command leaves in .kith/ once it is done: no lock, journal or temporary file (the
// index caches, cache/ and search/, and the folder's .gitignore stay)
const leftInKith = (dir: string) =>
  readdirSync(join(dir, '.kith')).filter((f) => !['cache', 'search', '.gitignore'].includes(f));

describe('eight writers at once', () => {
  it('keeps every change of 8 writers x 5 rounds exactly once, one commit each', async () => {
    const s = seededRepo();
    for (const name of ['jane', 'john']) expect(s.kith(['log', name, `call: start with ${name}`]).code).toBe(0);
    for (let i = 0; i < 8; i++) expect(s.kith(['add', 'deal', `Deal ${i}`, '--org', 'acme']).code).toBe(0);
    const before = commits(s);
    const STAGES = ['qualified', 'proposal', 'negotiation', 'won', 'lead'];
    const writer = async (i: number) => {
      const results = [];
      for (let r = 0; r < 5; r++) {
        const args = [
          ['log', 'jane', `note: w${i}-r${r}`],
          ['promise', 'john', `promise w${i}-r${r}`, '--by', '2026-12-20'],
          ['set', 'john', `w${i}_r${r}=done`],
          ['move', `deal-${i}`, STAGES[r]!],
        ][(i + r) % 4]!;
        results.push({ args, ...(await start(s, args, { KITH_LOCK_TIMEOUT: '120' }).done) });
      }
      return results;
    };
    const runs = (await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writer))).flat();
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    expect(runs.map((r) => r.stderr).join('')).toBe('');
    expect(commits(s)).toBe(before + runs.length);
    const conversations = allText(s.dir, 'conversations');
    const john = readFileSync(join(s.dir, 'contacts/john-roe.md'), 'utf8');
    for (const { args } of runs) {
      if (args[0] === 'log') expect(count(conversations, `\n${args[2]!.slice(6)}\n`), args.join(' ')).toBe(1);
      if (args[0] === 'promise') expect(count(conversations, `what: ${args[2]}`), args.join(' ')).toBe(1);
      if (args[0] === 'set') expect(count(john, `\n${args[2]!.replace('=', ': ')}\n`), args.join(' ')).toBe(1);
      if (args[0] === 'move') {
        const deal = readFileSync(join(s.dir, `deals/${args[1]}.md`), 'utf8');
        expect(deal, args.join(' ')).toContain(`{stage: ${args[2]}, at: 2026-11-25}`);
      }
    }
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(leftInKith(s.dir)).toEqual([]);
    expect(s.kith(['check']).code).toBe(0);
  }, 300_000);
});

describe('SIGKILL at random moments', () => {
  it('never leaves a torn file, a lost or doubled change, a stuck lock or a dirty tree (30 kills)', async () => {
    const s = seededRepo();
    expect(s.kith(['log', 'jane', 'call: start']).code).toBe(0);
    const rand = random(20261125);
    const tried: string[] = [];
    for (let n = 0; n < 30; n++) {
      const text = `kill-${n}`;
      const args = [
        ['log', 'jane', `note: ${text}`],
        ['promise', 'jane', text, '--by', '2026-12-20'],
        ['set', 'jane', `k${n}=${text}`],
        ['rename', n % 2 ? 'john-roe' : 'john', `John ${text}`],
      ][n % 4]!;
      const run = start(s, args);
      // within a command's own time on a small repository (about 0.2-0.4 s), so most kills land mid-way
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 250)));
      run.child.kill('SIGKILL');
      const end = await run.done;
      tried.push(`${text} ${end.signal ?? `exit ${end.code}`}`);
      // whatever the moment, every file reads and the next command can write
      const check = s.kith(['check']);
      expect(check.stdout + check.stderr, `after ${args.join(' ')}`).not.toMatch(/error|cannot read/);
    }
    // a last writing command finds whatever journal the last kill left and settles it
    const last = s.kith(['log', 'jane', 'note: the end']);
    expect(last.code, last.stderr).toBe(0);
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(leftInKith(s.dir)).toEqual([]);
    const history = s.git(['log', '-p', '--format=%s']);
    const conversations = allText(s.dir, 'conversations');
    const jane = readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8');
    const committed = (text: string) => new RegExp(`^\\+.*${text}\\b`, 'm').test(history);
    for (let n = 0; n < 30; n++) {
      const text = `kill-${n}`;
      const what = `kill-${n} (${tried[n]})`;
      // in the files exactly when committed, and never twice
      if (n % 4 === 0) expect(count(conversations, `\n${text}\n`), what).toBe(committed(text) ? 1 : 0);
      if (n % 4 === 1) expect(count(conversations, `what: ${text}\n`), what).toBe(committed(text) ? 1 : 0);
      if (n % 4 === 2) expect(count(jane, `k${n}: ${text}\n`), what).toBe(committed(text) ? 1 : 0);
    }
    // John was renamed again and again: he is in one file, and every reference follows him
    const johns = readdirSync(join(s.dir, 'contacts')).filter((f) => f.startsWith('john'));
    expect(johns).toHaveLength(1);
    const name = /^name: (.*)$/m.exec(readFileSync(join(s.dir, 'contacts', johns[0]!), 'utf8'))![1]!;
    expect(johns[0]).toBe(`${name.toLowerCase().replace(/ /g, '-')}.md`);
    expect(s.kith(['check']).code).toBe(0);
    expect(tried.filter((t) => t.endsWith('SIGKILL')).length).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
