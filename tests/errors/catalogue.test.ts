// Runs every reproducer in tests/errors/*.error and compares stderr and the exit code with
// what the file says (see README.md there). KITH_UPDATE_ERRORS=1 rewrites the expectations.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, seededRepo, type Sandbox } from '../helpers/cli.js';

const HERE = new URL('.', import.meta.url).pathname;
const UPDATE = process.env.KITH_UPDATE_ERRORS === '1';

interface Case {
  readonly title: string;
  readonly repo: 'seeded' | 'empty';
  readonly files: ReadonlyArray<{ path: string; text: string }>;
  readonly commands: readonly string[];
  readonly head: string;
}

function parse(source: string): Case {
  const lines = source.split('\n');
  const cut = lines.findIndex((l) => l === '>2');
  const before = lines.slice(0, cut < 0 ? lines.length : cut);
  const title = (before.find((l) => l.startsWith('# ')) ?? '# untitled').slice(2);
  const repo = /^# repo: (\w+)/m.exec(before.join('\n'))?.[1] === 'empty' ? 'empty' : 'seeded';
  const files: { path: string; text: string }[] = [];
  const commands: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const line = before[i]!;
    const file = /^--- file (.+)$/.exec(line);
    if (file) {
      const end = before.indexOf('--- end', i);
      files.push({ path: file[1]!, text: before.slice(i + 1, end).join('\n') + '\n' });
      i = end;
    } else if (line.startsWith('$ ')) commands.push(line.slice(2));
  }
  return { title, repo, files, commands, head: before.join('\n') };
}

function expected(source: string): { stderr: string; code: number } | undefined {
  const m = /\n>2\n([\s\S]*?)>= (\d+)\n?$/.exec(source);
  return m ? { stderr: m[1]!, code: Number(m[2]) } : undefined;
}

let seeded: Sandbox;
let binDir: string;

beforeAll(() => {
  seeded = seededRepo();
  binDir = mkdtempSync(join(tmpdir(), 'kith-bin-'));
  writeFileSync(join(binDir, 'kith'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(binDir, 'kith'), 0o755);
}, 120_000);

function run(c: Case): { stderr: string; code: number } {
  const home = mkdtempSync(join(tmpdir(), 'kith-home-'));
  cpSync(seeded.home, home, { recursive: true });
  const repo = mkdtempSync(join(tmpdir(), 'kith-repo-'));
  if (c.repo === 'seeded') cpSync(seeded.dir, repo, { recursive: true });
  for (const f of c.files) {
    mkdirSync(dirname(join(repo, f.path)), { recursive: true });
    writeFileSync(join(repo, f.path), f.text);
  }
  const env = {
    ...seeded.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    PATH: `${binDir}:${seeded.env.PATH}`,
  };
  const sh = (cmd: string) => spawnSync('bash', ['-c', cmd], { cwd: repo, env, encoding: 'utf8', input: '' });
  for (const cmd of c.commands.slice(0, -1)) {
    const r = sh(cmd);
    if (r.status !== 0) throw new Error(`setup \`${cmd}\` failed (${r.status}): ${r.stderr}`);
  }
  const r = sh(c.commands.at(-1)!);
  const stderr = r.stderr
    .split(repo)
    .join('$REPO')
    .split(home)
    .join('$HOME')
    .replace(/\/tmp\/kith-[\w.-]+/g, '$TMP') // a temporary folder's random name
    .replace(/\b([cvodpe])-[0-9a-z]{8}\b/g, '$1-XXXXXXXX'); // a new record's random id
  return { stderr, code: r.status ?? -1 };
}

const files = readdirSync(HERE)
  .filter((f) => f.endsWith('.error'))
  .sort();

describe('the error catalogue', () => {
  it('has reproducers', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    const path = join(HERE, file);
    const source = readFileSync(path, 'utf8');
    const c = parse(source);
    it(`${file}: ${c.title}`, () => {
      const got = run(c);
      if (UPDATE) return writeFileSync(path, `${c.head}\n>2\n${got.stderr}>= ${got.code}\n`);
      const want = expected(source);
      expect(want, `${file} has no expected part (>2 ... >= N)`).toBeDefined();
      expect(got).toEqual(want);
      expect(got.code, 'an error exits non-zero').not.toBe(0);
    });
  }
});
