// How far a typed word is from a name, in typos, for "did you mean". Pure.

// three rows of the table, reused from call to call: a did-you-mean makes hundreds of thousands
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance where swapping two neighbours ("jnae" for "jane") is one typo, not two
 * (optimal string alignment). Past `bound` the exact figure does not matter: `bound + 1` is
 * returned as soon as it is certain, so comparing with tens of thousands of names stays cheap.
 */
export function typoDistance(a: string, b: string, bound = Infinity): number {
  // every letter one string has more than the other is a typo of its own
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [older, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, older[j - 2]! + 1);
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // a row comes from the one before it or, by a swap, the one before that plus one:
    // when both are past the bound, so is every row after them
    if (rowMin > bound && prevMin > bound) return bound + 1;
    [older, prev, cur] = [prev, cur, older];
    prevMin = rowMin;
  }
  const d = prev[n]!;
  return d > bound ? bound + 1 : d;
}
