// Where text goes: a stream with what the renderers need to know about it.
export interface Output {
  write(text: string): void;
  /** Writes UTF-8 bytes as they are when a terminal is safe with them, else as write does. */
  writeBytes?(bytes: Buffer): void;
  readonly isTTY: boolean;
  /** Colour is on only on a TTY without NO_COLOR. */
  readonly color: boolean;
  /** Width tables fit in: COLUMNS within the terminal; Infinity off a terminal (nothing is cut). */
  readonly columns: number;
}

/** Long text already in bytes (kept output), written without decoding where the output can. */
export function writeBytes(out: Output, bytes: Buffer): void {
  if (out.writeBytes) out.writeBytes(bytes);
  else out.write(bytes.toString('utf8'));
}
