// Values a merge kept aside, as a file holds them under `conflicts:` (one item per value,
// `{field: title, value: Chief Technology Officer}`): read here, where every command can
// afford it; how merges write them is core/merge's.

/** The front matter key (and kith.yaml key) that holds kept values. */
export const KEPT_KEY = 'conflicts';

/** A value a merge set aside: `field` is a path such as `title` or `promises/p-6k2m9q4x/due`. */
export interface Kept {
  readonly field: string;
  /** The value not chosen; null when the other side had removed what this side changed. */
  readonly value: unknown;
}

/** The kept values of a file's data, as written; items that are not `{field, value}` are skipped. */
export function keptValues(data: Readonly<Record<string, unknown>>): Kept[] {
  const raw = data[KEPT_KEY];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    const o = item as Record<string, unknown> | null;
    return typeof o === 'object' && o !== null && typeof o.field === 'string'
      ? [{ field: o.field, value: o.value ?? null }]
      : [];
  });
}
