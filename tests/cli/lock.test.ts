// One writer at a time: kith's lock in .kith/ and git's own index.lock are waited for a
// bounded time, then reported in words; a lock whose process is gone is taken over.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, seededRepo } from '../helpers/cli.js';

describe('the write lock', () => {
  it('waits for a live holder, then names it and changes nothing', () => {
    const s = seededRepo();
    const holder = spawn('sleep', ['30']);
    mkdirSync(join(s.dir, '.kith'), { recursive: true });
    const lock = { pid: holder.pid, host: hostname(), command: 'import', started: '2026-11-25T09:00:00.000Z' };
    writeFileSync(join(s.dir, '.kith/lock'), JSON.stringify(lock));
    const head = s.git(['rev-parse', 'HEAD']);
    const r = s.kith(['log', 'jane', 'call: x'], { env: { KITH_LOCK_TIMEOUT: '1' } });
    holder.kill();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kith: another kith command is changing this repository: \`kith import\` (pid ${holder.pid} on ${hostname()}, since 2026-11-25T09:00:00.000Z)\nhint: try again when it has finished; if no kith command is running, remove .kith/lock\n`,
    );
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('takes over a lock whose process is gone', () => {
    const s = seededRepo();
    mkdirSync(join(s.dir, '.kith'), { recursive: true });
    writeFileSync(
      join(s.dir, '.kith/lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'log', started: 'x' }),
    );
    const r = s.kith(['log', 'jane', 'call: x']);
    expect(r.code, r.stderr).toBe(0);
    expect(s.git(['status', '--porcelain'])).toBe('');
  });

  it("waits for git's own index.lock, and goes on once it is gone", async () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, '.git/index.lock'), '');
    const child = spawn(process.execPath, [BIN, 'log', 'jane', 'call: waited'], { cwd: s.dir, env: s.env });
    setTimeout(() => rmSync(join(s.dir, '.git/index.lock')), 700);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(s.git(['log', '-1', '--format=%s'])).toBe('log call with Jane Doe\n');
  });

  it("says in words when git's index.lock stays, and changes nothing", () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, '.git/index.lock'), '');
    const r = s.kith(['set', 'jane', 'title=VP'], { env: { KITH_LOCK_TIMEOUT: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'kith: another git command is working in this repository (.git/index.lock exists)\nhint: try again when it has finished; if no git command is running, remove .git/index.lock\n',
    );
    rmSync(join(s.dir, '.git/index.lock'));
    expect(s.git(['status', '--porcelain'])).toBe('');
  });
});
