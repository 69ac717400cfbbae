// The round-trip law over every record file we ship and every fixture, hand-edited ones
// included: reading then writing unchanged gives the same bytes; changing one key, or one
// item of a list, changes only its own lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFile } from '../../src/store/front-matter.js';
import { editFile } from '../../src/store/front-matter-edit.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function records(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return records(full);
    return name.endsWith('.md') && name !== 'README.md' && name !== 'EXPECTED.md' ? [full] : [];
  });
}

const FILES = [...records(join(ROOT, 'examples')), ...records(join(ROOT, 'tests/fixtures/records')), ...records(join(ROOT, 'tests/fixtures/pipeline'))]
  .filter((f) => !f.includes('/golden/'))
  .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

/** The first and last line numbers (1-based) where two texts differ. */
function changedSpan(a: string, b: string): [number, number] | undefined {
  const x = a.split('\n');
  const y = b.split('\n');
  let top = 0;
  while (top < x.length && top < y.length && x[top] === y[top]) top++;
  if (top === x.length && top === y.length) return undefined;
  let bottom = 0;
  while (bottom < x.length - top && bottom < y.length - top && x[x.length - 1 - bottom] === y[y.length - 1 - bottom]) bottom++;
  return [top + 1, x.length - bottom];
}

/** The lines a top-level key spans in the file: from its line to the line before the next key. */
function region(text: string, key: string): [number, number] {
  const parsed = parseFile(text, 'x.md');
  const lines = Object.values(parsed.positions).map((p) => p.line).sort((a, b) => a - b);
  const start = parsed.positions[key]!.line;
  const next = lines.find((l) => l > start) ?? parsed.bodyLine - 1;
  return [start, next - 1];
}

const changed = (v: unknown): unknown =>
  typeof v === 'string' ? `${v} (changed)` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : v;

describe('the round-trip law', () => {
  it('covers every record we ship and every fixture', () => {
    expect(FILES.length).toBeGreaterThan(40);
    expect(FILES.map((f) => f.name)).toContain('tests/fixtures/records/hand-edited-conversation.md');
  });

  it.each(FILES.map((f) => [f.name, f] as const))('%s: written back unchanged, it keeps every byte', (_n, { name, text }) => {
    const parsed = parseFile(text, name);
    expect(parsed.problems).toEqual([]);
    expect(editFile(text, parsed, parsed.data)).toBe(text);
  });

  it.each(FILES.map((f) => [f.name, f] as const))('%s: one key changed, only its lines change', (_n, { name, text }) => {
    const parsed = parseFile(text, name);
    for (const [key, value] of Object.entries(parsed.data)) {
      if (Array.isArray(value) || (typeof value === 'object' && value !== null)) continue;
      const out = editFile(text, parsed, { [key]: changed(value) });
      expect(parseFile(out, name).data, key).toEqual({ ...parsed.data, [key]: changed(value) });
      const span = changedSpan(text, out)!;
      const [from, to] = region(text, key);
      expect(span[0], `${key} in ${name}`).toBeGreaterThanOrEqual(from);
      expect(span[1], `${key} in ${name}`).toBeLessThanOrEqual(to);
    }
  });

  it.each(FILES.map((f) => [f.name, f] as const))('%s: one list item changed, only its bytes change', (_n, { name, text }) => {
    const parsed = parseFile(text, name);
    const doc = parseDocument(text.slice(parsed.matterStart, parsed.matterEnd), { version: '1.2' });
    for (const [key, value] of Object.entries(parsed.data)) {
      if (!Array.isArray(value) || !value.length) continue;
      const last = value.at(-1);
      const item = typeof last === 'object' && last !== null
        ? Object.fromEntries(Object.entries(last).map(([k, v], i) => [k, i === 1 ? changed(v) : v]))
        : changed(last);
      const list = [...value.slice(0, -1), item];
      const out = editFile(text, parsed, { [key]: list });
      expect(parseFile(out, name).data[key], key).toEqual(list);
      // everything before the last item and after it is untouched
      const node = (doc.get(key, true) as { items: { range: [number, number, number] }[] }).items.at(-1)!;
      const [start, end] = [parsed.matterStart + node.range[0], parsed.matterStart + node.range[1]];
      expect(out.startsWith(text.slice(0, start)), `${key} in ${name}`).toBe(true);
      expect(out.endsWith(text.slice(end)), `${key} in ${name}`).toBe(true);
    }
  });
});
