// The pieces of an HTML report: escaping, figures a test can read back, bar charts as SVG,
// and tables that turn into cards on a phone. Pure: data in, text out.
import { terminalSafe } from '../../core/model/index.js';
import { formatMoney, formatPercent } from '../format.js';

/**
 * Text as HTML text or an attribute value. Controls, bidi overrides and zero-width characters
 * go first, as on a terminal: in a page they would make a name read in another order than stored.
 */
export const esc = (text: string) =>
  terminalSafe(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
export const money = (n: number, c: string) => esc(formatMoney(n, c));
export const pct = formatPercent;
export const days = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 10) / 10} d`);

/**
 * A figure the browser test reads back: data-figure names the JSON path it shows (paths
 * of the influence report start with `influence.`) and data-value holds the exact value.
 */
export const fig = (path: string, value: unknown, text: string) =>
  `<span data-figure="${esc(path)}" data-value="${esc(JSON.stringify(value))}">${text}</span>`;

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** A lighter bar behind the main one (the unweighted amount behind the weighted). */
  readonly back?: number;
  /** HTML, already escaped: it may hold figures. */
  readonly note: string;
}

/**
 * Horizontal bars: the label and the figures are HTML text, so they keep their size on a
 * phone; only the bar is SVG, stretched to the space left.
 */
export function bars(rows: readonly Bar[], color: string, title: string): string {
  if (!rows.length) return '<p class="none">Nothing to show.</p>';
  const max = Math.max(0, ...rows.map((r) => Math.max(r.value, r.back ?? 0)));
  const width = (v: number) => (max > 0 ? Math.round((v / max) * 1000) / 10 : 0);
  const body = rows
    .map((r) => {
      const back =
        r.back === undefined ? '' : `<rect width="${width(r.back)}" height="10" fill="${color}" opacity=".25"/>`;
      return (
        `<div class="bar"><span class="l">${esc(r.label)}</span>` +
        `<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">${back}` +
        `<rect width="${width(r.value)}" height="10" fill="${color}"/></svg>` +
        `<span class="v">${r.note}</span></div>`
      );
    })
    .join('');
  return `<div class="bars" role="img" aria-label="${esc(title)}">${body}</div>`;
}

/** A table whose cells carry their column name, so a phone can show each row as a card. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((cell, i) => `<td data-label="${esc(headers[i] ?? '')}">${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
