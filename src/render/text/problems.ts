// Problems as people and editors read them: `file:line:col: message`, then a hint.
import type { Problem } from '../../core/model/index.js';
import { quotePath } from '../../core/model/terminal.js';
import { plural } from '../../core/model/text.js';
import { clean } from './paint.js';

export function formatProblem(p: Problem): string {
  const warning = p.severity === 'warning' ? 'warning: ' : '';
  const hint = p.hint ? `\n  hint: ${clean(p.hint)}` : '';
  return `${quotePath(p.file)}:${p.line}:${p.col}: ${warning}${clean(p.message)}${hint}`;
}

/** The warning a command prints when some files could not be read: the first three, and a count. */
export function brokenFilesWarning(problems: readonly Problem[]): string {
  const broken = problems.filter((p) => p.severity === 'error');
  if (!broken.length) return '';
  const files = new Set(broken.map((p) => p.file));
  const shown = broken.slice(0, 3).map((p) => `warning: ${quotePath(p.file)}:${p.line}:${p.col}: ${clean(p.message)}`);
  const more = broken.length > 3 ? ` (and ${plural(broken.length - 3, 'more problem', 'more problems')})` : '';
  const summary = `warning: ${plural(files.size, 'file')} with problems${more}; the rest is used as is.`;
  return `${shown.join('\n')}\n${summary} Run \`kith check\` for details.\n`;
}
