// A word's document ids as the index stores them: rising ids as gaps in base 36, comma-separated,
// so a word file is mostly short strings (cheap to parse) and only a query's words are decoded. Pure.

/** Rising ids, spelt as gaps: [3, 10, 11] is "3,7,1". */
export function encodeIds(ids: readonly number[]): string {
  let last = 0;
  return ids
    .map((id) => {
      const gap = (id - last).toString(36);
      last = id;
      return gap;
    })
    .join(',');
}

/** The ids `encodeIds` spelt; undefined when the text is not such a list. */
export function decodeIds(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  let id = 0;
  for (const gap of text.split(',')) {
    const n = parseInt(gap, 36);
    if (!/^[0-9a-z]+$/.test(gap) || (out.length > 0 && n === 0)) return undefined;
    out.push((id += n));
  }
  return out;
}
