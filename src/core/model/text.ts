// Text helpers shared by every layer: slugs, folding, plurals and terminal-safe strings. No I/O.
import { terminalSafe } from './terminal.js';

/** Case and accents folded, for matching what people type: "Marín" -> "marin". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A file-name-safe slug: lowercase ASCII words joined by dashes. */
export function slugify(text: string, fallback = 'untitled'): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** "message" for one, "messages" for any other count; irregular words pass their plural. */
export function noun(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}

/** "1 message", "3 messages". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${noun(n, word, many)}`;
}

/** Text from mail or files made terminal-safe (terminal.ts); newlines and tabs stay where a caller allows. */
export function stripControls(text: string, keepNewlines = false): string {
  return terminalSafe(text, keepNewlines);
}
