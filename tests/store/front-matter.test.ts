import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/store/front-matter.js';
import { editFile } from '../../src/store/front-matter-edit.js';

const dir = new URL('../fixtures/records/', import.meta.url);
const fixtures = readdirSync(dir).map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));

function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((line, i) => line !== x[i]);
}

describe('front matter round trip', () => {
  it.each(fixtures)('reads $name and writes every key back without changing a byte', ({ name, text }) => {
    const parsed = parseFile(text, name);
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.data).length).toBeGreaterThan(2);
    expect(editFile(text, parsed, parsed.data)).toBe(text);
  });

  it.each(fixtures)('changes only the changed key in $name', ({ name, text }) => {
    const parsed = parseFile(text, name);
    const key = Object.keys(parsed.data)[1]!;
    const out = editFile(text, parsed, { [key]: 'Changed' });
    expect(parseFile(out, name).data[key]).toBe('Changed');
    // one line differs, the changed key's own (its quotes and comment kept)
    const line = new RegExp(`^${key}: (Changed|'Changed'|"Changed")( +#.*)?\\r?$`);
    expect(changedLines(text, out)).toEqual([expect.stringMatching(line)]);
    expect(out.endsWith(parsed.body)).toBe(true);
    const reparsed = parseFile(out, name);
    for (const k of Object.keys(parsed.data)) if (k !== key) expect(reparsed.data[k]).toEqual(parsed.data[k]);
  });

  it('keeps comments, quoting and number forms of untouched keys', () => {
    const { text } = fixtures.find((f) => f.name === 'hand-edited-contact.md')!;
    const out = editFile(text, parseFile(text, 'c.md'), { title: 'VP Engineering', tags: ['champion', 'sso', 'vip'] });
    expect(changedLines(text, out)).toEqual(['title: "VP Engineering"', 'tags: [champion,   sso, vip]']);
  });

  it('adds a new key at the end and removes a key with its line', () => {
    const text = '---\nid: c-1\nname: A   # keep\ntitle: X\n---\nbody\n';
    const parsed = parseFile(text, 'c.md');
    expect(editFile(text, parsed, { cadence: '30d', title: undefined })).toBe('---\nid: c-1\nname: A   # keep\ncadence: 30d\n---\nbody\n');
  });

  it('keeps CRLF files readable and their body untouched', () => {
    const { text } = fixtures.find((f) => f.name === 'crlf-org.md')!;
    const parsed = parseFile(text, 'o.md');
    expect(parsed.data.name).toBe('Acme Corp');
    const out = editFile(text, parsed, { name: 'Acme' });
    expect(parseFile(out, 'o.md').data.name).toBe('Acme');
    expect(out.endsWith('Windows line endings.\r\n')).toBe(true);
  });
});

describe('bad front matter is a problem with a place, never an exception', () => {
  const cases: [string, string, string, number][] = [
    ['malformed YAML', '---\nid: c-1\nname: [unclosed\n---\n', 'Flow sequence', 3],
    ['duplicate keys', '---\nid: c-1\nname: A\nname: B\n---\n', 'duplicate key', 4],
    ['no front matter', '# just notes\n', 'no front matter', 1],
    ['front matter never closed', '---\nid: c-1\n', 'never closed', 1],
    ['---js front matter', '---js\n{ id: (() => { throw new Error("ran") })() }\n---\n', 'not allowed', 1],
    ['---javascript in capitals', '---JavaScript\nmodule.exports = {}\n---\n', 'not allowed', 1],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', 'mapping', 2],
  ];
  it.each(cases)('%s', (_label, text, message, line) => {
    const parsed = parseFile(text, 'contacts/x.md');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.message).toContain(message);
    expect(parsed.problems[0]!.line).toBe(line);
    expect(parsed.problems[0]!.file).toBe('contacts/x.md');
  });

  it('never evaluates JavaScript front matter', () => {
    (globalThis as Record<string, unknown>).kithRan = false;
    parseFile('---js\nglobalThis.kithRan = true\n---\n', 'x.md');
    parseFile('---javascript\n(globalThis.kithRan = true)\n---\n', 'x.md');
    expect((globalThis as Record<string, unknown>).kithRan).toBe(false);
  });

  it('reads YAML 1.2: dates stay text, 0150 is not octal', () => {
    const parsed = parseFile('---\ncreated: 2026-03-02\nzip: 0150\non: yes\n---\n', 'x.md');
    expect(parsed.data).toEqual({ created: '2026-03-02', zip: 150, on: 'yes' });
  });
});
