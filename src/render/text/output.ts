// Where text goes: a stream with what the renderers need to know about it.
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Colour is on only on a TTY without NO_COLOR. */
  readonly color: boolean;
  /** Width tables fit in: COLUMNS within the terminal; Infinity off a terminal (nothing is cut). */
  readonly columns: number;
}
