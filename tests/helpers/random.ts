// A seeded random source for randomised tests: the same seed replays the same run, and a
// failing run prints its seed (Yjs' applyRandomTests and TaskChampion's proptests do the same).
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Letters and digits, as ids have them. */
  word(length: number): string;
}

export function random(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chance: (p) => next() < p,
    word: (length) => Array.from({ length }, () => '0123456789abcdefghjkmnpqrstvwxyz'[int(32)]).join(''),
  };
}

/** The seed of a run: $KITH_SEED when set (to replay one), else a fixed default. */
export function seedFrom(vars: NodeJS.ProcessEnv, fallback: number): number {
  return vars.KITH_SEED ? Number(vars.KITH_SEED) : fallback;
}
