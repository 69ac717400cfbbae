// Line merges and list order: tables of base, ours and theirs with the one right answer.
import { describe, expect, it } from 'vitest';
import { diff3, mergeText, mergeWithMarkers } from '../../../src/core/merge/diff3.js';
import { mergeOrder } from '../../../src/core/merge/ordered.js';

describe('merging lines of text', () => {
  it.each([
    ['a change on one side is taken', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nb\nc\n', 'a\nB\nc\n', []],
    ['changes to different lines both stay', 'a\nb\nc\nd\ne\n', 'A\nb\nc\nd\ne\n', 'a\nb\nc\nd\nE\n', 'A\nb\nc\nd\nE\n', []],
    ['neighbouring lines changed one each side both stay', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nb\nC\n', 'a\nB\nC\n', []],
    ['two insertions at one place are both kept, the one that sorts first first', 'a\n', 'a\nzeta\n', 'a\nalpha\n', 'a\nalpha\nzeta\n', []],
    ['an insertion that contains the other is taken once', 'a\n', 'a\nx\n', 'a\nx\ny\n', 'a\nx\ny\n', []],
    ['the same change on both sides is taken once', 'a\nb\n', 'a\nB\n', 'a\nB\n', 'a\nB\n', []],
    ['one line changed both ways: the first in code-point order, the other kept', 'a\nb\nc\n', 'a\nX\nc\n', 'a\nB\nc\n', 'a\nB\nc\n', [{ value: 'X' }]],
    ['a change beats a removal, and the removal is noted', 'a\nb\nc\n', 'a\nc\n', 'a\nB\nc\n', 'a\nB\nc\n', [{ value: null }]],
    ['a removal on one side is honoured', 'a\nb\nc\n', 'a\nc\n', 'a\nb\nc\n', 'a\nc\n', []],
  ])('%s', (_name, base, ours, theirs, merged, kept) => {
    expect(mergeText(base, ours, theirs)).toEqual({ text: merged, kept });
    expect(mergeText(base, theirs, ours)).toEqual({ text: merged, kept });
  });

  it('finds the unchanged runs and the chunks each side changed', () => {
    expect(diff3(['a', 'b', 'c'], ['a', 'B', 'c'], ['a', 'b', 'c', 'd'])).toEqual([
      { kind: 'same', lines: ['a'] },
      { kind: 'same', lines: ['B'] },
      { kind: 'same', lines: ['c'] },
      { kind: 'same', lines: ['d'] },
    ]);
  });

  it('writes conflict markers only for the lines both sides changed', () => {
    expect(mergeWithMarkers('a\nb\nc', 'a\nX\nc', 'a\nY\nc', ['ours', 'base', 'theirs'])).toBe(
      'a\n<<<<<<< ours\nX\n||||||| base\nb\n=======\nY\n>>>>>>> theirs\nc',
    );
  });
});

describe('the order of a merged list', () => {
  const all = () => true;
  it.each([
    ['additions follow the key they follow on their side', ['a', 'b'], ['a', 'x', 'b'], ['a', 'b', 'y'], ['a', 'x', 'b', 'y']],
    ['two runs after one key: the one that sorts first first', ['a'], ['a', 'm'], ['a', 'c', 'd'], ['a', 'c', 'd', 'm']],
    ['a reorder on one side is kept; an addition still follows its key', ['a', 'b', 'c'], ['c', 'a', 'b'], ['a', 'b', 'c', 'd'], ['c', 'd', 'a', 'b']],
    ['additions before the first shared key stay first', ['a'], ['z', 'a'], ['a'], ['z', 'a']],
    ['the same addition on both sides appears once', ['a'], ['a', 'x'], ['a', 'x'], ['a', 'x']],
  ])('%s', (_name, base, ours, theirs, merged) => {
    expect(mergeOrder(base, ours, theirs, all)).toEqual(merged);
    expect(mergeOrder(base, theirs, ours, all)).toEqual(merged);
  });

  it('leaves out what the merge does not keep', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['a', 'c'], ['a', 'b', 'c', 'd'], (k) => k !== 'b')).toEqual(['a', 'c', 'd']);
  });
});
