// Text helpers shared by every layer: slugs, folding, plurals and terminal-safe strings. No I/O.
import { terminalSafe } from './terminal.js';

/** Case and accents folded, for matching what people type: "Marín" -> "marin". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// Latin letters that do not fold to ASCII by dropping an accent, spelt as their languages do
const SPELLED: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  å: 'a',
  þ: 'th',
  ð: 'd',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};

// names Windows will not create a file under, whatever the extension
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * A file-name-safe slug: lowercase words joined by dashes. Latin letters lose their accents
 * (Grüße -> gruesse, Marín -> marin); other scripts keep their letters (李小龙 stays readable).
 */
export function slugify(text: string, fallback = 'untitled'): string {
  const spelled = text.toLowerCase().replace(/[äöüßæœøåþðłđı]/g, (ch) => SPELLED[ch] ?? ch);
  const folded = spelled
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  const words = folded.replace(/[^\p{L}\p{N}\p{M}]+/gu, '-').replace(/^-+|-+$/g, '');
  const slug = Array.from(words).slice(0, 60).join('').replace(/-+$/, '') || fallback;
  return RESERVED.test(slug) ? `${slug}-1` : slug;
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
