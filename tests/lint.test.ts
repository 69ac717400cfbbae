// The code's own hygiene, checked with the suite: no unused exports or dependencies (knip),
// one formatting (prettier), lines within 120 columns and files within reason.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules', '.bin');

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const run = (tool: string, args: string[]) => {
  try {
    return { code: 0, out: execFileSync(join(BIN, tool), args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
};

describe('the code', () => {
  it('has no unused files, exports or dependencies (knip)', () => {
    expect(run('knip', ['--no-progress'])).toEqual({ code: 0, out: '' });
  }, 60_000);

  it('is formatted as prettier formats it (npm run format)', () => {
    expect(run('prettier', ['--check', '--log-level', 'warn', 'src/**/*.ts'])).toEqual({ code: 0, out: '' });
  }, 60_000);

  it('keeps lines within 120 columns and files within 250 lines', () => {
    const long = sources().flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (line.length > 120 ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
    const big = sources().filter((file) => readFileSync(file, 'utf8').split('\n').length > 250);
    expect(big.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
