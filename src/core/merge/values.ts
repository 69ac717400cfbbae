// Three-way merge of plain data (front matter as parsed YAML): mappings key by key, lists as
// sets with deletions honoured, scalars three-way. When both sides changed a value
// differently, a rule picks one and the other is kept, so no one's value silently
// disappears. Pure and symmetric: swapping the sides never changes the result.
import type { Kept } from '../model/kept.js';
import { mergeOrder } from './ordered.js';

export type { Kept } from '../model/kept.js';

export interface Pick {
  readonly value: unknown;
  /** Whether the value not picked is kept visibly (false only where nothing is lost). */
  readonly keep: boolean;
}

export interface ValueRules {
  /** What matches a list item across versions at `path` (a promise by its id, a tag by itself). */
  itemKey(path: readonly string[], item: unknown): string;
  /** The value when both sides changed a scalar differently. */
  pick(path: readonly string[], ours: unknown, theirs: unknown): Pick;
  /** A merged list's final order (a deal's history by date), when the path has one. */
  arrange(path: readonly string[], items: unknown[]): unknown[];
}

type Data = Record<string, unknown>;

export const isMapping = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Equal as written: the same values in the same order. */
export const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A value's text with mapping keys sorted: equal for equal content, whatever the key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isMapping(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/** Of two values, the one that sorts first: numbers by size, anything else by its text. */
export function firstValue(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a <= b ? a : b;
  const [x, y] = [canonical(a), canonical(b)];
  return x <= y ? a : b;
}

/** Merges three versions of a value; `undefined` is a value that is absent (a removed key). */
export function mergeValue(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  rules: ValueRules,
): { value: unknown; kept: Kept[] } {
  const kept: Kept[] = [];

  const merge = (b: unknown, o: unknown, t: unknown, path: readonly string[]): unknown => {
    if (sameValue(o, t)) return o;
    if (sameValue(b, o)) return t;
    if (sameValue(b, t)) return o;
    if (isMapping(o) && isMapping(t) && (b === undefined || isMapping(b))) return mergeMaps(b ?? {}, o, t, path);
    if (Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b)))
      return mergeLists(b ?? [], o, t, path);
    if (o === undefined || t === undefined) {
      // removed on one side, changed on the other: the change stays, the removal is noted
      kept.push({ field: path.join('/'), value: null });
      return o ?? t;
    }
    const { value, keep } = rules.pick(path, o, t);
    if (keep) kept.push({ field: path.join('/'), value: sameValue(value, o) ? t : o });
    return value;
  };

  const mergeMaps = (b: Data, o: Data, t: Data, path: readonly string[]): Data => {
    const values = new Map<string, unknown>();
    for (const key of new Set([...Object.keys(b), ...Object.keys(o), ...Object.keys(t)])) {
      const v = merge(b[key], o[key], t[key], [...path, key]);
      if (v !== undefined) values.set(key, v);
    }
    const out: Data = {};
    for (const key of mergeOrder(Object.keys(b), Object.keys(o), Object.keys(t), (k) => values.has(k)))
      out[key] = values.get(key);
    return out;
  };

  const mergeLists = (b: unknown[], o: unknown[], t: unknown[], path: readonly string[]): unknown[] => {
    const byKey = (list: unknown[]) => {
      const m = new Map<string, unknown>();
      for (const item of list) {
        const key = rules.itemKey(path, item);
        if (!m.has(key)) m.set(key, item);
      }
      return m;
    };
    const [mb, mo, mt] = [byKey(b), byKey(o), byKey(t)];
    const values = new Map<string, unknown>();
    for (const key of new Set([...mb.keys(), ...mo.keys(), ...mt.keys()])) {
      const [inB, inO, inT] = [mb.has(key), mo.has(key), mt.has(key)];
      const [bi, oi, ti] = [mb.get(key), mo.get(key), mt.get(key)];
      let v: unknown;
      if (inO && inT) v = merge(inB ? bi : undefined, oi, ti, [...path, key]);
      else if (!inB) v = inO ? oi : ti;
      else if (inO || inT) {
        // removed on one side: gone, unless the other side changed it
        const other = inO ? oi : ti;
        if (!sameValue(other, bi)) {
          kept.push({ field: [...path, key].join('/'), value: null });
          v = other;
        }
      }
      if (v !== undefined) values.set(key, v);
    }
    const order = mergeOrder([...mb.keys()], [...mo.keys()], [...mt.keys()], (k) => values.has(k));
    return rules.arrange(
      path,
      order.map((k) => values.get(k)),
    );
  };

  const value = merge(base, ours, theirs, []);
  return { value, kept };
}
