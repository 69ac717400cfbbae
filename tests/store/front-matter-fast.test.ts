// The bulk reader must read every file exactly as the single-file reader does: values,
// body, lines and problems, for every fixture and example and for the forms YAML makes tricky.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/store/front-matter.js';
import { parseFileFast } from '../../src/store/front-matter-fast.js';

const top = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

const files = [...filesUnder(join(top, 'examples')), ...filesUnder(join(top, 'tests/fixtures'))].map((path) => ({
  name: relative(top, path),
  text: readFileSync(path, 'utf8'),
}));

const record = (matter: string, body = 'Notes.\n') => `---\n${matter}\n---\n${body}`;

const tricky = [
  'n: 0150',
  'n: 0o17',
  'n: 0x1f',
  'n: +0x1f',
  'n: 0b11',
  'n: 1_000',
  'n: -0',
  'n: 1.',
  'n: .5',
  'n: 1e3',
  'n: .inf',
  'n: -.Inf',
  'n: .NaN',
  'n: 99999999999999999999',
  'd: 2026-01-02',
  'd: 2026-01-02T10:00:00Z',
  't: 12:30',
  'b: yes',
  'b: True',
  'b: on',
  'z: ~',
  'z: NULL',
  'k: !!str 5',
  'k: !!int "7"',
  '"quoted key": 1',
  "'single': 2",
  '<<: {b: 1}',
  'a: &x {b: 1}\nc: *x',
  'a: 1\na: 2',
  'a: [1, 2',
  'a: !custom 1',
  '- a\n- b',
  'just text',
  '{a: 1, b: 2}',
  '# only a comment',
  '',
  'a: |\n  line one\n  b: not a key\nc: 3',
  'a: >-\n  folded\n  text',
  'a:\n  - {x: 1}\n  - y: 2\nb: 3',
  'name: Zoë Müller\nemails: [zoe@example.com]',
  'a: "x # not a comment"  # a comment',
  '  indented: 1\n  two: 2',
];

// The same file as both readers see it; `locate` is compared on every top-level node.
const same = (text: string, name: string) => {
  const { locate: fast, ...a } = parseFileFast(text, name);
  const { locate: full, ...b } = parseFile(text, name);
  expect(a).toEqual(b);
  for (const key of Object.keys(b.data)) expect(fast([key]), key).toEqual(full([key]));
};

describe('the bulk front-matter reader', () => {
  it('has fixtures and examples to compare', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('reads $name as the single-file reader does', ({ name, text }) => {
    same(text, name);
  });

  it.each(tricky)('reads %j as the single-file reader does', (matter) => {
    for (const text of [record(matter), record(matter).replace(/\n/g, '\r\n'), record(matter, '')]) {
      same(text, 'contacts/x.md');
    }
  });

  it.each(['', 'no front matter\n', '---\nname: x\n', '---js\nname: x\n---\n', '----\nname: x\n---\n'])(
    'reads the odd file %j as the single-file reader does',
    (text) => {
      same(text, 'contacts/x.md');
    },
  );
});
