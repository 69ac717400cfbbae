// Plain tables that fit the terminal: the shrinkable column gives up width first, cut with "…".
import type { Output } from './output.js';
import { clean, paint } from './paint.js';

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

export interface Column {
  readonly header: string;
  /** Right-align numbers. */
  readonly align?: 'left' | 'right';
  /** The column that gives up width first when the terminal is narrow. */
  readonly shrink?: boolean;
}

export function renderTable(out: Output, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => r.map((c) => clean(c)));
  const widths = columns.map((c, i) =>
    Math.max(visibleLength(c.header), ...cells.map((r) => visibleLength(r[i] ?? ''))),
  );
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  const budget = Math.max(40, out.columns);
  for (const [i, c] of columns.entries()) {
    if (c.shrink && total() > budget) widths[i] = Math.max(8, widths[i]! - (total() - budget));
  }
  const line = (r: readonly string[], head = false) =>
    columns
      .map((c, i) => {
        const text = truncate(r[i] ?? '', widths[i]!);
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleLength(text)));
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
