// Colour and terminal-safe text: every string from data goes through `clean` on its way out.
import { stripControls } from '../../core/model/index.js';
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

export function printJson(out: Output, data: unknown): void {
  out.write(`${JSON.stringify(data, null, 2)}\n`);
}
