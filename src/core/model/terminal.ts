// The one sanitiser for text on its way to a terminal, and git's way of quoting a path. Text
// from mail or a teammate's files must never drive the terminal (OSC 52 sets the clipboard,
// CSI 2J clears it, OSC 8 hides a link) nor show itself in another order than it is stored.
// Pure: no I/O.
import { isUtf8 } from 'node:buffer';

// Escape sequences whole: CSI, the string ones (OSC, DCS, SOS, PM, APC) up to their end, and
// the two-character ones; then the 8-bit forms. A string sequence never runs past a line's end.
const ESCAPES = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]?',
    '\\u001b[\\]PX^_][^\\u0007\\u001b\\u009c\\n]*(\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[ -/]*[@-_]?',
    '\\u009b[0-?]*[ -/]*[@-~]?',
    '[\\u0090\\u0098\\u009d-\\u009f][^\\u0007\\u001b\\u009c\\n]*(\\u0007|\\u001b\\\\|\\u009c)?',
  ].join('|'),
  'g',
);
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_NEWLINES = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides, isolates and marks, and characters that show nothing: they let
// "jane" and "ja\u200bne" look alike and make a line read in another order than stored.
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Bidi controls and zero-width characters removed: what names and titles keep on input. */
function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Text safe for a terminal: escape sequences, control characters, bidi controls and
 * zero-width characters removed. Newlines (and tabs) stay only when `multiline`; otherwise
 * they become spaces, so one value never splits a line.
 */
export function terminalSafe(text: string, multiline = false): string {
  const plain = stripInvisible(text.replace(ESCAPES, ''));
  if (!multiline) return plain.replace(CONTROLS_AND_NEWLINES, ' ');
  return plain.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

// Kith's own colour codes (SGR) are the one sequence a whole line may carry.
const OWN_COLOUR = /\u001b\[[0-9;]*m/g;

// Anything terminalSafe would change; most output has none, and is let through after one scan.
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** A line (or lines) of output made safe as a whole: everything terminalSafe removes, but our colours. */
export function terminalSafeOutput(text: string): string {
  if (!UNSAFE.test(text)) return text;
  const parts = text.split(OWN_COLOUR);
  const colours = text.match(OWN_COLOUR) ?? [];
  return parts.map((p, i) => terminalSafe(p, true) + (colours[i] ?? '')).join('');
}

/** Whether the UTF-8 character at b[i] is one of UNSAFE's: the same test, byte by byte. */
function unsafeAt(b: Buffer, i: number): boolean {
  const c = b[i]!;
  if (c < 0xc2) return (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f;
  const d = b[i + 1] ?? 0;
  const e = b[i + 2] ?? 0;
  // U+0080-U+009F, U+061C, U+180E, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064, U+2066-U+2069, U+FEFF
  if (c === 0xc2) return d >= 0x80 && d <= 0x9f;
  if (c === 0xd8) return d === 0x9c;
  if (c === 0xe1) return d === 0xa0 && e === 0x8e;
  if (c === 0xe2 && d === 0x80) return (e >= 0x8b && e <= 0x8f) || (e >= 0xaa && e <= 0xae);
  if (c === 0xe2 && d === 0x81) return (e >= 0xa0 && e <= 0xa4) || (e >= 0xa6 && e <= 0xa9);
  return c === 0xef && d === 0xbb && e === 0xbf;
}

/**
 * Whether UTF-8 bytes hold one of UNSAFE's characters. Read four bytes at a time: a word whose
 * bytes are all printable ASCII (0x20-0x7e) is passed by one test, the rest byte by byte.
 */
function hasUnsafeBytes(b: Buffer): boolean {
  const head = Math.min(b.length, (4 - (b.byteOffset % 4)) % 4);
  const words = new Uint32Array(b.buffer, b.byteOffset + head, (b.length - head) >> 2);
  const tail = head + words.length * 4;
  for (let i = 0; i < head; i++) if (unsafeAt(b, i)) return true;
  for (let w = 0; w < words.length; w++) {
    const x = words[w]!;
    // a high bit where a byte is below 0x20 (x - 0x20..), or 0x7f and above (x + 0x01.., x)
    if ((((x - 0x20202020) & ~x) | (x + 0x01010101) | x) & 0x80808080) {
      const i = head + w * 4;
      if (unsafeAt(b, i) || unsafeAt(b, i + 1) || unsafeAt(b, i + 2) || unsafeAt(b, i + 3)) return true;
    }
  }
  for (let i = tail; i < b.length; i++) if (unsafeAt(b, i)) return true;
  return false;
}

/**
 * Whether output as bytes may go to a terminal as it is: well-formed UTF-8 holding nothing
 * terminalSafeOutput would change (so printing long kept text needs no decoding and encoding).
 */
export function isSafeOutputBytes(bytes: Buffer): boolean {
  return isUtf8(bytes) && !hasUnsafeBytes(bytes);
}

const C_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};
const NEEDS_QUOTES =
  /["\\\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const QUOTED = /["\\\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A path as git quotes it (core.quotePath): unchanged when plain, else in double quotes with
 * C escapes and the octal bytes of anything that would drive or fool a terminal
 * ("conversations/2026/\033]52;c;...md"). Other non-ASCII letters stay readable.
 */
export function quotePath(path: string): string {
  if (!NEEDS_QUOTES.test(path)) return path;
  const octal = (c: string) =>
    [...new TextEncoder().encode(c)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
  return `"${path.replace(QUOTED, (c) => C_ESCAPES[c] ?? octal(c))}"`;
}
