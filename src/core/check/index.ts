// Checks across records, as a plain list of functions, each returning problems: all are
// reported, not just the first (beancount's validation.py is the model).
import type { Problem, RepoData } from '../model/types.js';
import { cadences } from './cadences.js';
import { currencies } from './currencies.js';
import type { Check } from './check.js';
import { keptValuesCheck } from './kept-values.js';
import { references } from './references.js';
import { stages } from './stages.js';
import { timelineOrder } from './timeline-order.js';
import { uniqueness } from './uniqueness.js';

const CHECKS: readonly Check[] = [references, stages, uniqueness, timelineOrder, cadences, currencies, keptValuesCheck];

/**
 * Every problem: the ones met while loading, then each check's, in file and line order. With
 * `only`, the problems of those files alone (still checked against every record).
 */
export function checkRepo(data: RepoData, only?: ReadonlySet<string>): Problem[] {
  const loading = only ? data.problems.filter((p) => only.has(p.file)) : data.problems;
  const all = [...loading, ...CHECKS.flatMap((c) => c(data, only))];
  return all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
