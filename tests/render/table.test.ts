import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { isColor } from '../../src/cli/process-env.js';
import { renderTable } from '../../src/render/text/table.js';

const terminal = (columns: number) => ({ write: () => undefined, isTTY: true, color: false, columns });
const columns = [{ header: 'SLUG' }, { header: 'NAME', shrink: true }, { header: 'OWNER' }];
const rows = [
  ['li-xiaolong', '李小龙 (Bruce Lee Holdings International)', 'maya'],
  ['emoji', 'Café 🎉 Team', 'sam'],
  ['jane-doe', 'Jane Doe', 'maya'],
];

describe('tables that fit the terminal', () => {
  it('aligns CJK and emoji by their width on screen', () => {
    const lines = renderTable(terminal(200), columns, rows).split('\n').filter(Boolean);
    const ownerAt = lines.map((l) => stringWidth(l.slice(0, l.lastIndexOf(' ') + 1)));
    expect(new Set(ownerAt).size).toBe(1);
  });

  it('shrinks long cells with an ellipsis so no line is wider than the terminal', () => {
    const lines = renderTable(terminal(40), columns, rows).split('\n').filter(Boolean);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(lines[1]).toContain('…');
    expect(lines[3]).toContain('Jane Doe');
  });

  it('gives up width from other columns too when the shrinkable one is not enough', () => {
    const wide = [['a-very-long-slug-that-goes-on-and-on', 'Name', 'owner-with-a-long-handle']];
    const lines = renderTable(terminal(30), columns, wide).split('\n').filter(Boolean);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });

  it('cuts nothing off a terminal', () => {
    const text = renderTable({ ...terminal(Infinity), isTTY: false }, columns, rows);
    expect(text).toContain('李小龙 (Bruce Lee Holdings International)');
  });
});

describe('colour', () => {
  it('follows no-color.org: only a NO_COLOR that is not empty turns it off', () => {
    expect(isColor(true, { NO_COLOR: '' })).toBe(true);
    expect(isColor(true, {})).toBe(true);
    expect(isColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(isColor(false, {})).toBe(false);
    expect(isColor(true, { TERM: 'dumb' })).toBe(false);
  });
});
