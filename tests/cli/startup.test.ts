import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, seededRepo } from '../helpers/cli.js';

const HEAVY = ['chrono-node', 'imapflow', 'postal-mime', 'mailparser', 'node_modules/ink/', 'node_modules/react/'];

function loaded(args: string[], cwd: string, env: Record<string, string>): string[] {
  const trace = join(cwd, `.trace-${args.join('-').replace(/\W/g, '')}`);
  const hook = new URL('../helpers/trace-imports.mjs', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], {
    cwd,
    env: { ...env, KITH_TRACE_IMPORTS: trace },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('start-up stays lean', () => {
  it.each([['--help'], ['ls', 'contacts'], ['show', 'jane', '--json'], ['check']])(
    'kith %s loads no heavy package',
    (...args) => {
      const s = seededRepo();
      const urls = loaded(args, s.dir, s.env);
      expect(urls.some((u) => u.includes('/dist/cli/main.js'))).toBe(true);
      expect(urls.some((u) => u.includes('node_modules/commander/'))).toBe(true);
      for (const heavy of HEAVY)
        expect(
          urls.filter((u) => u.includes(heavy)),
          heavy,
        ).toEqual([]);
    },
  );

  it('kith --help loads the command line and commander only, no parser or schema', () => {
    const s = seededRepo();
    const urls = loaded(['--help'], s.dir, s.env);
    const packages = new Set(urls.map((u) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter(Boolean));
    expect([...packages]).toEqual(['commander']);
    expect(
      urls.filter((u) => u.includes('/dist/') && !/\/dist\/(cli\/|core\/model\/(errors|terminal)\.js)/.test(u)),
    ).toEqual([]);
  });

  it('a search the index answers loads no YAML parser, schema or git client; one after an edit does', () => {
    const s = seededRepo();
    const packages = (urls: string[]) =>
      new Set(urls.map((u) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter(Boolean));
    loaded(['search', 'jane'], s.dir, s.env);
    const warm = packages(loaded(['search', 'jane', '--limit', '5'], s.dir, s.env));
    for (const heavy of ['yaml', 'js-yaml', 'valibot', 'simple-git', 'gray-matter'])
      expect(warm.has(heavy), heavy).toBe(false);
    const path = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('John Roe', 'John Jane Roe'));
    const r = spawnSync(process.execPath, [BIN, 'search', 'jane', '--json'], {
      cwd: s.dir,
      env: s.env,
      encoding: 'utf8',
    });
    expect(JSON.parse(r.stdout).hits.map((h: { path: string }) => h.path)).toContain('contacts/john-roe.md');
    expect(packages(loaded(['search', 'jane', '--limit', '6'], s.dir, s.env)).has('js-yaml')).toBe(true);
  });

  it.each(['due --json', 'ls deals', 'show acme', 'pipeline'])(
    'kith %s answered from its kept answer loads no YAML parser, schema or git client; after an edit it does',
    (line) => {
      const args = line.split(' ');
      const s = seededRepo();
      const packages = (urls: string[]) =>
        new Set(urls.map((u) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter(Boolean));
      const ask = () => spawnSync(process.execPath, [BIN, ...args], { cwd: s.dir, env: s.env, encoding: 'utf8' });
      const first = ask();
      const warm = packages(loaded(args, s.dir, s.env));
      for (const heavy of ['yaml', 'js-yaml', 'valibot', 'simple-git', 'gray-matter'])
        expect(warm.has(heavy), heavy).toBe(false);
      expect(ask().stdout).toBe(first.stdout);
      const path = join(s.dir, 'deals/acme-sso-rollout.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace('Acme SSO rollout', 'Acme SSO renamed'));
      expect(packages(loaded(args, s.dir, s.env)).has('js-yaml')).toBe(true);
    },
  );
});
