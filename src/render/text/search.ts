// Search hits for a terminal: file:line, kind and name, then the line that matched.
import { quotePath } from '../../core/model/terminal.js';
import { plural } from '../../core/model/text.js';
import { clean, paint } from './paint.js';
import type { Output } from './output.js';

interface Hit {
  readonly path: string;
  readonly line: number;
  readonly kind: string;
  readonly title: string;
  readonly snippet: string;
}

export function renderSearch(out: Output, hits: readonly Hit[], query: string): string {
  if (!hits.length) return `nothing matches "${clean(query)}"\n`;
  const lines = hits.map((h) => {
    const where = paint(out, 'bold', `${quotePath(h.path)}:${h.line}`);
    return `${where}  ${h.kind}  ${clean(h.title)}\n    ${paint(out, 'dim', clean(h.snippet))}\n`;
  });
  return `${lines.join('')}${paint(out, 'dim', plural(hits.length, 'hit'))}\n`;
}
