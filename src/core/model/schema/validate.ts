// Running a schema over one value of a file and turning valibot's issues into problems at
// the YAML node they are about. Pure: where a node sits comes in as a function, so the same
// rules serve every parser that knows positions (yaml's Document, a cache, a test table).
import * as v from 'valibot';
import type { Problem } from '../types.js';

export type NodePath = readonly (string | number)[];

/** Where a node is in its file, and its text as written when it is a scalar. */
export interface NodeInfo {
  readonly line: number;
  readonly col: number;
  readonly source?: string;
}

/** The node at a path, or undefined when the file has none there (a missing key). */
export type Locate = (path: NodePath) => NodeInfo | undefined;

/** The innermost node that exists on the way to `path`, else the file's first line. */
export function nearest(locate: Locate, path: NodePath, fallback = { line: 1, col: 1 }): NodeInfo {
  for (let n = path.length; n > 0; n--) {
    const at = locate(path.slice(0, n));
    if (at) return at;
  }
  return fallback;
}

/** A dotted name for a node: followup.workdays[0]. */
export function nodeName(path: NodePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

export interface Checked<T> {
  readonly value?: T;
  readonly problems: Problem[];
}

/** Validates `value` (found at `path` in `file`) against `schema`; problems point at the offending node. */
export function checkNode<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  at: { file: string; path: NodePath; locate: Locate; hint?: string; severity?: Problem['severity'] },
): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return { value: result.output, problems: [] };
  const problems = result.issues.map((issue): Problem => {
    const path = [...at.path, ...(issue.path ?? []).map((p) => p.key as string | number)];
    const { line, col } = nearest(at.locate, path);
    return {
      file: at.file,
      line,
      col,
      severity: at.severity ?? 'error',
      message: `${nodeName(path)} ${issue.message}`,
      hint: at.hint,
    };
  });
  return { problems };
}
