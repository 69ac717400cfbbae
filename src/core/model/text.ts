// Text helpers shared by every layer: slugs, folding, plurals and terminal-safe strings. No I/O.

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

// C0/C1 controls, DEL and ANSI escape sequences: text from mail or files must never
// drive the terminal. Newlines and tabs survive where a caller allows them.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_NEWLINES = /[\u0000-\u001f\u007f-\u009f]/g;

export function stripControls(text: string, keepNewlines = false): string {
  const plain = text.replace(ESCAPES, '');
  if (!keepNewlines) return plain.replace(CONTROLS_AND_NEWLINES, ' ');
  return plain.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}
