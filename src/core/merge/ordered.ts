// The order of a merged list (front matter keys, list items, timeline entries): symmetric,
// so both sides of a merge, and a rebase, agree on it. Pure.

const joined = (keys: readonly string[]) => keys.join('\u0000');

/** Of two runs of keys, the one that goes first: the one that sorts first as text. */
function compareRuns(a: readonly string[], b: readonly string[]): number {
  const [x, y] = [joined(a), joined(b)];
  return x < y ? -1 : x > y ? 1 : a.length - b.length;
}

/** Each run of keys that `keep` takes and `common` does not, after the common key it follows. */
function runsAfter(list: readonly string[], common: ReadonlySet<string>, keep: (key: string) => boolean) {
  const runs = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const key of list) {
    if (common.has(key)) anchor = key;
    else if (keep(key)) runs.set(anchor, [...(runs.get(anchor) ?? []), key]);
  }
  return runs;
}

/**
 * The merged order of the keys `keep` takes. The keys all three versions share keep the order
 * of the side that reordered them (the base's when neither did; the one that sorts first when
 * both did). A side's other keys follow the shared key they follow on that side; two runs
 * after the same key go in the order that sorts first.
 */
export function mergeOrder(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
  keep: (key: string) => boolean,
): string[] {
  const [b, o, t] = [base, ours, theirs].map((l) => [...new Set(l)]) as [string[], string[], string[]];
  const [inOurs, inTheirs] = [new Set(o), new Set(t)];
  const common = new Set(b.filter((k) => inOurs.has(k) && inTheirs.has(k) && keep(k)));
  const [cb, co, ct] = [b, o, t].map((l) => l.filter((k) => common.has(k))) as [string[], string[], string[]];
  const same = (x: string[], y: string[]) => joined(x) === joined(y);
  const skeleton = same(co, cb) ? ct : same(ct, cb) || same(co, ct) ? co : compareRuns(co, ct) <= 0 ? co : ct;
  const [ro, rt] = [runsAfter(o, common, keep), runsAfter(t, common, keep)];
  const out: string[] = [];
  const seen = new Set<string>();
  const emit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(key);
  };
  for (const anchor of [null, ...skeleton]) {
    if (anchor !== null) emit(anchor);
    const runs = [ro.get(anchor) ?? [], rt.get(anchor) ?? []].sort(compareRuns);
    for (const run of runs) run.forEach(emit);
  }
  return out;
}
