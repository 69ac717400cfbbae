// Text helpers shared by every layer: slugs and terminal-safe strings. No I/O.

/** A file-name-safe slug: lowercase ASCII words joined by dashes. */
export function slugify(text: string, fallback = 'untitled'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

// C0/C1 controls, DEL and ANSI escape sequences: text from mail or files must never
// drive the terminal. Newlines and tabs survive where a caller allows them.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_NEWLINES = /[\u0000-\u001f\u007f-\u009f]/g;

export function stripControls(text: string, keepNewlines = false): string {
  const plain = text.replace(ESCAPES, '');
  return keepNewlines ? plain.replace(/\r\n?/g, '\n').replace(CONTROLS, '') : plain.replace(CONTROLS_AND_NEWLINES, ' ');
}
