// Answers of read-only commands kept in .kith/cache/views: `pipeline`, `show` and `ls` asked
// again with nothing moved read one file, and give exactly what the files give alone, for
// every kind, option and output form; any move of a record file gives the files' answer.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const VIEWS = '.kith/cache/views';

function example(): Sandbox {
  const s = sandbox();
  cpSync(EXAMPLES, s.dir, { recursive: true });
  s.git(['init', '-q']);
  s.git(['add', '-A']);
  s.git(['commit', '-qm', 'the example team']);
  return s;
}

function run(s: Sandbox, args: string[]): { code: number; stdout: string; stderr: string } {
  const { code, stdout, stderr } = s.kith(args);
  return { code, stdout, stderr };
}

const ASKED: string[][] = [
  ['pipeline'],
  ['pipeline', '--json'],
  ['pipeline', '--by', 'owner'],
  ['pipeline', '--period', '2026-q4'],
  ['show', 'claire'],
  ['show', 'claire', '--json'],
  ['show', 'kestrel-bank'],
  ['show', 'deals/brightwave-ml-addon.md'],
  ['show', 'conversations/2026/helios-expansion.md'],
  ['ls', 'contacts'],
  ['ls', 'orgs', '--json'],
  ['ls', 'deals', '--stage', 'qualified'],
  ['ls', 'conversations'],
  ['ls', 'conversations', '--org', 'helios-freight', '--json'],
  ['ls', 'deals', '--tag', 'no-such-tag'],
];

describe('kept answers of read-only commands', { timeout: 300_000 }, () => {
  it("are the files' own answers, asked again, for every command and option", () => {
    const s = example();
    const first = ASKED.map((args) => run(s, args));
    expect(first.map((r) => r.code)).toEqual(ASKED.map(() => 0));
    expect(readdirSync(join(s.dir, VIEWS)).length).toBeGreaterThan(3);
    expect(ASKED.map((args) => run(s, args))).toEqual(first);
    rmSync(join(s.dir, '.kith'), { recursive: true });
    expect(ASKED.map((args) => run(s, args))).toEqual(first);
  });

  it('are read while nothing moved, and give way to the files after an edit, a commit or a write', () => {
    const s = example();
    const lie = () => {
      for (const name of readdirSync(join(s.dir, VIEWS))) {
        const file = join(s.dir, VIEWS, name);
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll('Claire Dubois', 'Claire Kept'));
      }
    };
    const claire = ['show', 'claire'];
    const contacts = ['ls', 'contacts'];
    const pipeline = ['pipeline', '--json'];
    const truth = [claire, contacts, pipeline].map((args) => run(s, args).stdout);
    lie();
    expect(run(s, claire).stdout).toContain('Claire Kept');
    expect(run(s, contacts).stdout).toContain('Claire Kept');
    const path = join(s.dir, 'contacts/claire-dubois.md');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('name: Claire Dubois', 'name: Claire Edited'));
    expect(run(s, claire).stdout).toContain('Claire Edited');
    expect(run(s, contacts).stdout).toContain('Claire Edited');
    writeFileSync(path, text);
    expect([claire, contacts, pipeline].map((args) => run(s, args).stdout)).toEqual(truth);
    lie();
    expect(run(s, ['log', 'claire', 'note: asked for the terms again']).code).toBe(0);
    expect(run(s, claire).stdout).not.toContain('Claire Kept');
    expect(run(s, claire).stdout).toContain('asked for the terms again');
  });

  it('refuse what they cannot answer, each time, and keep nothing for it', () => {
    const s = example();
    for (let i = 0; i < 2; i++) {
      const r = s.kith(['show', 'no-such-person']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no-such-person/);
    }
  });
});
