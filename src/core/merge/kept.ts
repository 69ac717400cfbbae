// Values a merge set aside, kept visibly in the file under `conflicts:` until someone settles
// them: adding them, settling them, saying what they are. Pure.
import { KEPT_KEY, type Kept } from '../model/kept.js';
import { canonical, isMapping } from './values.js';

export { KEPT_KEY, keptValues } from '../model/kept.js';

/** The `conflicts:` list with new kept values added after the ones already there, each once. */
export function withKept(existing: unknown, kept: readonly Kept[]): unknown[] {
  const list: unknown[] = Array.isArray(existing) ? [...existing] : existing === undefined ? [] : [existing];
  const seen = new Set(list.map(canonical));
  const fresh = kept
    .map((k) => ({ field: k.field, value: k.value }))
    .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  for (const item of fresh) {
    if (seen.has(canonical(item))) continue;
    seen.add(canonical(item));
    list.push(item);
  }
  return list;
}

/**
 * The front matter change that settles the kept values of `fields` (a field set again by
 * hand is settled): the remaining list, or undefined to remove the key.
 */
export function settleKept(
  data: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, unknown> {
  const raw = data[KEPT_KEY];
  if (!Array.isArray(raw)) return {};
  const settled = new Set(fields);
  const rest = raw.filter((item) => !(isMapping(item) && typeof item.field === 'string' && settled.has(item.field)));
  if (rest.length === raw.length) return {};
  return { [KEPT_KEY]: rest.length ? rest : undefined };
}

/** What a kept value says, for `kith check` and `kith due`. */
export function describeKept(k: Kept): string {
  if (k.value === null) return `${k.field}: one side removed it while the other changed it; the change was kept`;
  const text = typeof k.value === 'string' ? k.value : JSON.stringify(k.value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  if (k.field === 'body' || k.field.startsWith('entries/'))
    return `${k.field}: another version of some lines was kept ("${shown.replace(/\n/g, ' ')}")`;
  return `${k.field}: the other value "${shown}" was kept beside the one in the file`;
}
