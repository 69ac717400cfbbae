// Three-way merge of lines of text (diff3): the longest common subsequence of the base with
// each side (Myers), then stable runs and changed chunks. Pure, and symmetric: swapping the
// two sides never changes the result, so a rebase (which swaps them) merges as a merge does.

/** Index pairs [base, side] of equal lines on a longest common subsequence. */
function matchLines(a: readonly string[], b: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) out.set(start, start++);
  let endA = a.length;
  let endB = b.length;
  const tail: Array<[number, number]> = [];
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) tail.push([--endA, --endB]);
  for (const [i, j] of myers(a, b, start, endA, endB)) out.set(i, j);
  for (const [i, j] of tail.reverse()) out.set(i, j);
  return out;
}

/** Myers' O(ND) diff of a[start..endA) and b[start..endB): the matched pairs, in order. */
function myers(a: readonly string[], b: readonly string[], start: number, endA: number, endB: number) {
  const n = endA - start;
  const m = endB - start;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // only the diagonals this round can read: memory grows with the edits, not the file
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) pairs.push([start + --x, start + --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) pairs.push([start + --x, start + --y]);
  return pairs.reverse();
}

/** A run of lines: the same on all three, or changed on one side or both. */
export type Chunk =
  | { readonly kind: 'same'; readonly lines: readonly string[] }
  | {
      readonly kind: 'changed';
      readonly base: readonly string[];
      readonly ours: readonly string[];
      readonly theirs: readonly string[];
    };

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((l, i) => l === b[i]);

/** The chunks of a three-way comparison; a chunk changed on one side only is already resolved. */
export function diff3(base: readonly string[], ours: readonly string[], theirs: readonly string[]): Chunk[] {
  const mo = matchLines(base, ours);
  const mt = matchLines(base, theirs);
  const chunks: Chunk[] = [];
  let [b, o, t] = [0, 0, 0];
  for (;;) {
    const same: string[] = [];
    while (b < base.length && mo.get(b) === o && mt.get(b) === t) {
      same.push(base[b]!);
      b++;
      o++;
      t++;
    }
    if (same.length) chunks.push({ kind: 'same', lines: same });
    if (b >= base.length && o >= ours.length && t >= theirs.length) break;
    let j = b;
    while (j < base.length && !(mo.has(j) && mt.has(j))) j++;
    const [oEnd, tEnd] = j < base.length ? [mo.get(j)!, mt.get(j)!] : [ours.length, theirs.length];
    const chunk = { base: base.slice(b, j), ours: ours.slice(o, oEnd), theirs: theirs.slice(t, tEnd) };
    if (sameLines(chunk.ours, chunk.base)) chunks.push({ kind: 'same', lines: chunk.theirs });
    else if (sameLines(chunk.theirs, chunk.base) || sameLines(chunk.ours, chunk.theirs))
      chunks.push({ kind: 'same', lines: chunk.ours });
    else chunks.push({ kind: 'changed', ...chunk });
    [b, o, t] = [j, oEnd, tEnd];
  }
  return chunks;
}

/** Of two texts, the one that sorts first in code-point order: the merge's tie-breaker everywhere. */
export function firstOf<T extends string>(a: T, b: T): T {
  return a < b ? a : b;
}

const byText = (x: readonly string[], y: readonly string[]) => {
  const [a, b] = [x.join('\n'), y.join('\n')];
  return a < b ? -1 : a > b ? 1 : x.length - y.length;
};

/** Neighbouring lines changed one each side (no line added or removed): both changes, combined. */
function lineWise(base: readonly string[], ours: readonly string[], theirs: readonly string[]) {
  if (!base.length || base.length !== ours.length || base.length !== theirs.length) return undefined;
  const out: string[] = [];
  for (let i = 0; i < base.length; i++) {
    if (ours[i] === base[i] || ours[i] === theirs[i]) out.push(theirs[i]!);
    else if (theirs[i] === base[i]) out.push(ours[i]!);
    else return undefined;
  }
  return out;
}

/** What a text merge set aside: the other side's lines of a chunk both changed (null: it removed them). */
export interface TextKept {
  readonly value: string | null;
}

/**
 * Merges lines without conflict markers. Both sides inserting at one place: both insertions
 * are kept (the one that sorts first, first). Both changing the same lines: a change beats a
 * removal; otherwise the version that sorts first is taken and the other is set aside.
 */
function mergeLines(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
): { lines: string[]; kept: TextKept[] } {
  const lines: string[] = [];
  const kept: TextKept[] = [];
  for (const c of diff3(base, ours, theirs)) {
    if (c.kind === 'same') {
      lines.push(...c.lines);
      continue;
    }
    const [a, b] = [c.ours, c.theirs].sort(byText) as [string[], string[]];
    const lineByLine = lineWise(c.base, c.ours, c.theirs);
    if (lineByLine) lines.push(...lineByLine);
    else if (!c.base.length) {
      // one insertion containing the other at its start or end: the longer says it all
      const longer = a.length >= b.length ? [a, b] : [b, a];
      const [l, s] = longer as [string[], string[]];
      const inside = sameLines(l.slice(0, s.length), s) || sameLines(l.slice(l.length - s.length), s);
      lines.push(...(inside ? l : [...a, ...b]));
    } else if (!a.length || !b.length) {
      lines.push(...(a.length ? a : b));
      kept.push({ value: null });
    } else {
      lines.push(...a);
      kept.push({ value: b.join('\n') });
    }
  }
  return { lines, kept };
}

/** Merges texts line by line (see mergeLines); an absent base is an empty one. */
export function mergeText(base: string | undefined, ours: string, theirs: string): { text: string; kept: TextKept[] } {
  if (ours === theirs || base === theirs) return { text: ours, kept: [] };
  if (base === ours) return { text: theirs, kept: [] };
  const split = (s: string) => (s === '' ? [] : s.split('\n'));
  const { lines, kept } = mergeLines(split(base ?? ''), split(ours), split(theirs));
  return { text: lines.join('\n'), kept };
}

/** A line merge with git's conflict markers where both sides changed the same lines. */
export function mergeWithMarkers(base: string, ours: string, theirs: string, labels: readonly string[]): string {
  const out: string[] = [];
  for (const c of diff3(base.split('\n'), ours.split('\n'), theirs.split('\n'))) {
    if (c.kind === 'same') out.push(...c.lines);
    else
      out.push(
        `<<<<<<< ${labels[0]}`,
        ...c.ours,
        `||||||| ${labels[1]}`,
        ...c.base,
        '=======',
        ...c.theirs,
        `>>>>>>> ${labels[2]}`,
      );
  }
  return out.join('\n');
}
