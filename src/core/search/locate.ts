// Where a hit's first query word is in its file: the line number and the line around it. Pure.
import { findInLine } from './terms.js';

/** Where a hit's first query word is, as file:line and a line of context. */
export function locate(text: string, terms: readonly string[]): { line: number; snippet: string } {
  const lines = text.split('\n');
  for (const term of terms)
    for (let i = 0; i < lines.length; i++) {
      const at = findInLine(lines[i]!, term);
      if (at < 0) continue;
      const start = Math.max(0, at - 40);
      const line = lines[i]!.trim() === '---' ? '' : lines[i]!;
      return { line: i + 1, snippet: `${start ? '…' : ''}${line.slice(start, start + 100).trim()}` };
    }
  return { line: 1, snippet: '' };
}
