// YAML problems said where a person looks for them: an unclosed [ or { at its own line, and
// git's conflict markers as one "unresolved merge conflict" instead of a run of YAML errors.
import type { YAMLError } from 'yaml';
import { quotePath, type Problem } from '../core/model/index.js';

const MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/m;

/** One problem for a file that still holds conflict markers, at the first marker. */
export function mergeConflict(text: string, file: string): Problem | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  return {
    file,
    line,
    col: 1,
    severity: 'error',
    message: `unresolved merge conflict (run kith resolve ${quotePath(file)} or edit it)`,
    hint: 'the lines between <<<<<<< and >>>>>>> are both sides of a merge: keep one, remove the markers',
  };
}

/**
 * For a flow collection that never closes, the line and column of its opening bracket: the
 * parser only notices on a later line. `text` is what the error's line numbers count in.
 */
export function flowStart(text: string, e: YAMLError): { line: number; col: number; message: string } | undefined {
  if (!/^Flow (sequence|mapping)|end with a [\]}]/.test(e.message) || !e.linePos) return undefined;
  const lines = text.split('\n');
  for (let n = e.linePos[0].line - 1; n >= 1; n--) {
    const line = lines[n - 1] ?? '';
    let depth = 0;
    let open = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      if (c === '[' || c === '{') {
        if (depth === 0) open = i;
        depth++;
      } else if ((c === ']' || c === '}') && depth > 0) depth--;
    }
    if (depth > 0) {
      const [o, c] = line[open] === '[' ? ['[', ']'] : ['{', '}'];
      return { line: n, col: open + 1, message: `"${o}" is never closed: end it with "${c}" on the same line` };
    }
  }
  return undefined;
}
