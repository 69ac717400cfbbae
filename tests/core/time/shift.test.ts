import { describe, expect, it } from 'vitest';
import { shiftDates } from '../../../src/core/time/index.js';

describe("the demo's dates moved", () => {
  it('moves ISO dates', () => {
    expect(shiftDates('due: 2026-11-24, seen 2026-12-31', 10)).toBe('due: 2026-12-04, seen 2027-01-10');
  });

  it('moves dates in words with them, read as told on the story day', () => {
    const text = 'the revised quote before our procurement board on 24 November; their 1 December meeting; by December 1.';
    expect(shiftDates(text, 21, '2026-11-18')).toBe(
      'the revised quote before our procurement board on 15 December; their 22 December meeting; by December 22.',
    );
    // across the year end, and back
    expect(shiftDates('hold the pricing until 15 December', 30, '2026-11-18')).toBe('hold the pricing until 14 January');
    expect(shiftDates('sign-off by 10 November', -14, '2026-11-18')).toBe('sign-off by 27 October');
  });

  it('leaves a month with a year, and words that are no date, alone', () => {
    expect(shiftDates('Renewal June 2028. On 24 November 2026. May we?', 21, '2026-11-18')).toBe('Renewal June 2028. On 24 November 2026. May we?');
  });
});
