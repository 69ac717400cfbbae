import { describe, expect, it } from 'vitest';
import {
  decodeIds,
  encodeIds,
  findInLine,
  queryTerms,
  rankHits,
  shardOf,
  termsOf,
  type SearchDoc,
} from '../../../src/core/search/index.js';

const doc = (path: string, recency: string): SearchDoc => ({ path, kind: 'contact', title: path, recency });

describe('search words', () => {
  it.each([
    ['Zoë Müller <zoe@acme.example>', ['zoe', 'muller', 'acme', 'example']],
    ['SSO-pricing, 300 seats; a I', ['sso', 'pricing', '300', 'seats']],
    ['Ærø Łódź', ['ærø', 'łodz']],
    ['Москва 2026', ['москва', '2026']],
  ])('%j has the words %j', (text, words) => {
    expect([...termsOf(text)]).toEqual(words);
  });

  it('reads a query as its distinct words', () => {
    expect(queryTerms('Jane  jane DOE x')).toEqual(['jane', 'doe']);
  });

  it('files words by their first two characters, in names safe for a file', () => {
    expect([shardOf('pricing'), shardOf('9x'), shardOf('ærø'), shardOf('москва')]).toEqual([
      'pr',
      '9x',
      '_e6r',
      '_43c_43e',
    ]);
  });

  it('finds a folded word in a line', () => {
    expect(findInLine('name: Zoë Müller', 'muller')).toBe(10);
    expect(findInLine('name: Zoë', 'muller')).toBe(-1);
  });
});

describe('ranking hits', () => {
  it('needs every word, puts name matches first, then field matches, then the most recent', () => {
    const a = doc('a', '2026-01-01');
    const b = doc('b', '2026-06-01');
    const c = doc('c', '2026-09-01');
    const d = doc('d', '2026-12-01');
    const e = doc('e', '2025-01-01');
    const ranked = rankHits(
      new Map([
        [a, [2, 1]],
        [b, [1, 1]],
        [c, [1, 1]],
        [d, [2, 0]],
        [e, [3, 1]],
      ]),
      10,
    );
    expect(ranked.map((h) => [h.path, h.score])).toEqual([
      ['e', 6],
      ['a', 4],
      ['c', 2],
      ['b', 2],
    ]);
    expect(rankHits(new Map([[a, [1]]]), 0)).toEqual([]);
  });

  it('keeps the best few of many exactly as sorting them all would, ties in their order', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const candidates = new Map(
      Array.from({ length: 3000 }, (_, i) => [
        doc(`d${i}`, `2026-0${1 + Math.floor(next() * 9)}-01`),
        [Math.floor(next() * 3), Math.floor(next() * 3)],
      ]),
    );
    const all = [...candidates]
      .filter(([, m]) => m.every((x) => x > 0))
      .map(([d, m]) => ({ ...d, score: m.reduce((sum, x) => sum + (x === 2 ? 3 : 1), 0) }))
      .sort((a, b) => b.score - a.score || (a.recency < b.recency ? 1 : a.recency > b.recency ? -1 : 0));
    for (const limit of [1, 7, 20, 5000]) expect(rankHits(candidates, limit)).toEqual(all.slice(0, limit));
  });
});

describe('stored postings', () => {
  it.each([[[]], [[0]], [[3, 10, 11]], [[0, 35, 36, 1295, 1296, 65000]]])('spells %j as gaps and reads it back', (ids) => {
    expect(decodeIds(encodeIds(ids))).toEqual(ids);
  });

  it('spells gaps in base 36', () => {
    expect(encodeIds([3, 10, 11, 47])).toBe('3,7,1,10');
  });

  it.each(['1,,2', '1,-2', '1,0', 'x y', '3,7 '])('reads %j as no list', (text) => {
    expect(decodeIds(text)).toBeUndefined();
  });
});
