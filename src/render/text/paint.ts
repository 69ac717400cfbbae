// Colour and terminal-safe text: every string from data goes through `clean` on its way out.
import { stripControls } from '../../core/model/text.js';
import type { Output } from './output.js';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;
export type Style = keyof typeof CODES;

export function paint(out: Output, style: Style, text: string): string {
  if (!out.color) return text;
  const [on, off] = CODES[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

/** Text from data on its way to a terminal: control characters and escapes removed. */
export function clean(text: string | undefined, keepNewlines = false): string {
  return stripControls(text ?? '', keepNewlines);
}

// JSON escapes C0 controls itself; C1 controls, bidi controls and invisible characters are
// escaped too (\u009b), so the JSON stays the same data and no terminal acts on it
const JSON_UNSAFE =
  /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function printJson(out: Output, data: unknown): void {
  out.write(jsonText(data));
}

/** What printJson prints: indented JSON and a newline. */
export function jsonText(data: unknown): string {
  const json = JSON.stringify(data, null, 2).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}
