// The execution environment every command receives: injected I/O, now, zone and the repo
// lookup, plus the shared ways of printing (tables, colour, JSON, problems). No process.*:
// cli/main.ts builds the Env from the real process, tests build their own.
import { stripControls } from '../core/text.js';
import type { Problem } from '../core/types.js';
import { findRoot, loadRepo, type LoadedRepo } from '../store/repo.js';

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Colour is on only on a TTY without NO_COLOR. */
  readonly color: boolean;
  readonly columns: number;
}

export interface Env {
  readonly cwd: string;
  readonly vars: Readonly<Record<string, string | undefined>>;
  /** Epoch ms: KITH_NOW when set, else the clock, read once. */
  readonly now: number;
  /** The user's IANA time zone. */
  readonly zone: string;
  readonly out: Output;
  readonly err: Output;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdinIsTTY: boolean;
  /** --repo, when given. */
  readonly repo?: string;
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39] } as const;
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

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${clean(p.message)}${p.hint ? `\n  hint: ${clean(p.hint)}` : ''}`;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

export interface Column {
  readonly header: string;
  /** Right-align numbers. */
  readonly align?: 'left' | 'right';
  /** The column that gives up width first when the terminal is narrow. */
  readonly shrink?: boolean;
}

/** A plain table that fits the terminal width: the shrinkable column is cut with "…". */
export function renderTable(out: Output, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => r.map((c) => clean(c)));
  const widths = columns.map((c, i) => Math.max(visibleLength(c.header), ...cells.map((r) => visibleLength(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  const budget = Math.max(40, out.columns);
  for (const [i, c] of columns.entries()) {
    if (c.shrink && total() > budget) widths[i] = Math.max(8, widths[i]! - (total() - budget));
  }
  const line = (r: readonly string[], head = false) =>
    columns.map((c, i) => {
      const text = truncate(r[i] ?? '', widths[i]!);
      const pad = ' '.repeat(Math.max(0, widths[i]! - visibleLength(text)));
      const cell = c.align === 'right' ? pad + text : i === columns.length - 1 ? text : text + pad;
      return head ? paint(out, 'dim', cell) : cell;
    }).join('  ').replace(/\s+$/, '');
  return [line(columns.map((c) => c.header), true), ...cells.map((r) => line(r))].join('\n') + '\n';
}

/** Finds and loads the repository, warning once about files that could not be read. */
export function openRepo(env: Env, opts: { quiet?: boolean } = {}): LoadedRepo {
  const root = findRoot({ repo: env.repo, envRepo: env.vars.KITH_REPO, cwd: env.cwd });
  const repo = loadRepo(root);
  const broken = repo.data.problems.filter((p) => p.severity === 'error');
  if (broken.length && !opts.quiet) {
    const files = new Set(broken.map((p) => p.file));
    const shown = broken.slice(0, 3).map((p) => `warning: ${p.file}:${p.line}:${p.col}: ${clean(p.message)}`);
    const more = broken.length > 3 ? ` (and ${broken.length - 3} more)` : '';
    env.err.write(`${shown.join('\n')}\nwarning: ${files.size} file${files.size === 1 ? '' : 's'} with problems${more}; the rest is used as is. Run \`kith check\` for details.\n`);
  }
  return repo;
}
