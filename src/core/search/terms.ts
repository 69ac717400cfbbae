// The words of a text as search keeps them: case and accents folded, split at anything that
// is not a letter or digit, words of one character dropped. Pure.
import { fold } from '../model/text.js';

const SPLIT = /[^\p{L}\p{N}]+/u;

/** The distinct words of `text`, folded. */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of fold(text).split(SPLIT)) if (word.length > 1) out.add(word);
  return out;
}

/** The words of a query, in order, each one needed for a hit; prefixes match ("pric" finds "pricing"). */
export function queryTerms(query: string): string[] {
  return [...termsOf(query)];
}

/** Which terms file a word belongs to: its first two characters, spelled safely for a file name. */
export function shardOf(term: string): string {
  return [...term.slice(0, 2)].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
}

/** Where a query word first appears in a line, folded alike; -1 when it does not. */
export function findInLine(line: string, term: string): number {
  return fold(line).indexOf(term);
}
