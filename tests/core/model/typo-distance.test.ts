import { describe, expect, it } from 'vitest';
import { typoDistance } from '../../../src/core/model/typo-distance.js';
import { random } from '../../helpers/random.js';

// the full table, as the did-you-mean worked it out before it was bounded
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

describe('the distance between a typed word and a name', () => {
  it.each([
    ['jane', 'jane', 0],
    ['jnae', 'jane', 1],
    ['jane', 'jan', 1],
    ['', 'acme', 4],
    ['acme', '', 4],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('counts %j against %j as %i typos', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
  });

  it('stops at the bound: anything further is bound + 1', () => {
    expect(typoDistance('nosuchthing', 'person', 3)).toBe(4);
    expect(typoDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(typoDistance('jnae', 'jane', 1)).toBe(1);
    expect(typoDistance('jnae', 'jane', 0)).toBe(1);
  });

  it('measures names longer than any before, and short ones after them', () => {
    const long = 'a'.repeat(100);
    expect(typoDistance(long, `${'a'.repeat(99)}b`)).toBe(fullDistance(long, `${'a'.repeat(99)}b`));
    expect(typoDistance(long, 'a'.repeat(150), 60)).toBe(50);
    expect(typoDistance('jnae', 'jane')).toBe(1);
  });

  it('gives the exact distance within the bound, and bound + 1 past it, for any pair of words', () => {
    const rnd = random(1313);
    const letters = 'abcde';
    const word = () => Array.from({ length: rnd.int(9) }, () => letters[rnd.int(letters.length)]).join('');
    for (let n = 0; n < 3000; n++) {
      const [a, b, bound] = [word(), word(), rnd.int(6)];
      const exact = fullDistance(a, b);
      expect(typoDistance(a, b, bound), `${a} ${b} ${bound} (seed ${rnd.seed})`).toBe(Math.min(exact, bound + 1));
      expect(typoDistance(a, b)).toBe(exact);
    }
  });
});
