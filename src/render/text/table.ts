// Plain tables that fit the terminal: cells measured by their width on screen (CJK and emoji
// take two columns), the shrinkable column gives up width first, then the widest; cut cells
// end in "…". Off a terminal (a pipe, a file) nothing is cut: out.columns is Infinity there.
import stringWidth from 'string-width';
import type { Output } from './output.js';
import { clean, paint } from './paint.js';

/** Columns a text takes on screen, colour codes aside. */
const visibleWidth = (text: string): number => stringWidth(text);

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text cut to at most `width` columns, ending in "…" when cut; never splits a character. */
function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = visibleWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** The one way a value becomes a cell's text: made safe for the terminal, then fitted. */
function cellText(value: string): string {
  return clean(value);
}

export interface Column {
  readonly header: string;
  /** Right-align numbers. */
  readonly align?: 'left' | 'right';
  /** The column that gives up width first when the terminal is narrow. */
  readonly shrink?: boolean;
}

// a shrunk column keeps this much: a few letters and the ellipsis still say something
const MIN_SHRUNK = 8;
const MIN_ANY = 4;

/** Column widths that fit `budget`: the shrinkable columns give first, then the widest. */
function fitWidths(columns: readonly Column[], natural: number[], budget: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  for (const [i, c] of columns.entries()) {
    if (c.shrink && total() > budget) widths[i] = Math.max(MIN_SHRUNK, widths[i]! - (total() - budget));
  }
  while (total() > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_ANY) break;
    widths[widest] = Math.max(MIN_ANY, widths[widest]! - (total() - budget));
  }
  return widths;
}

export function renderTable(out: Output, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => r.map(cellText));
  const natural = columns.map((c, i) =>
    Math.max(visibleWidth(c.header), ...cells.map((r) => visibleWidth(r[i] ?? ''))),
  );
  const widths = fitWidths(columns, natural, out.columns);
  const line = (r: readonly string[], head = false) =>
    columns
      .map((c, i) => {
        const text = truncate(r[i] ?? '', widths[i]!);
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleWidth(text)));
        const cell = c.align === 'right' ? pad + text : i === columns.length - 1 ? text : text + pad;
        return head ? paint(out, 'dim', cell) : cell;
      })
      .join('  ')
      .replace(/\s+$/, '');
  return (
    [
      line(
        columns.map((c) => c.header),
        true,
      ),
      ...cells.map((r) => line(r)),
    ].join('\n') + '\n'
  );
}
