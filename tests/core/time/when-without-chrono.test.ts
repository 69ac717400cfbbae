import { describe, expect, it, vi } from 'vitest';
import { parseWhen } from '../../../src/core/time/index.js';

// chrono-node costs about 120 ms at start-up: ISO dates and the everyday words must not load it.
const chrono = vi.hoisted(() => ({ loads: 0 }));
vi.mock('chrono-node', () => {
  chrono.loads++;
  return { parse: () => [] };
});

const now = Date.parse('2026-11-25T10:00:00+01:00'); // Wednesday, in Paris
const opts = { now, zone: 'Europe/Paris', toward: 'future' as const, anyDay: true };

describe('dates read without chrono-node', () => {
  it.each([
    ['2026-11-27', '2026-11-27T09:00+01:00'],
    ['2026-11-27 15:00', '2026-11-27T15:00+01:00'],
    ['2026-11-27T15:00', '2026-11-27T15:00+01:00'],
    ['2026-11-27T15:00:00Z', '2026-11-27T16:00+01:00'],
    ['2026-11-27T15:00+02:00', '2026-11-27T14:00+01:00'],
    ['2026-11-27T15:00+0200', '2026-11-27T14:00+01:00'],
    ['today', '2026-11-25T10:00+01:00'],
    ['tomorrow', '2026-11-26T09:00+01:00'],
    ['yesterday', '2026-11-24T09:00+01:00'],
    ['now', '2026-11-25T10:00+01:00'],
    ['in 3 days', '2026-11-28T09:00+01:00'],
    ['3d', '2026-11-28T09:00+01:00'],
    ['2w', '2026-12-09T09:00+01:00'],
    ['in 2 weeks', '2026-12-09T09:00+01:00'],
    ['1m', '2026-12-25T09:00+01:00'],
    ['2 days ago', '2026-11-23T09:00+01:00'],
    ['end of month', '2026-11-30T09:00+01:00'],
    ['end of week', '2026-11-27T09:00+01:00'],
    ['next week', '2026-11-30T09:00+01:00'],
    ['next month', '2026-12-01T09:00+01:00'],
  ])('"%s" is %s', async (input, at) => {
    expect((await parseWhen(input, opts)).at).toBe(at);
    expect(chrono.loads).toBe(0);
  });

  it.each(['2026-02-30', '2026-02-29 10:00', '2026-11-27T25:00'])('refuses the impossible "%s" without chrono-node', async (input) => {
    await expect(parseWhen(input, opts)).rejects.toThrow(`"${input}" is not a real date`);
    expect(chrono.loads).toBe(0);
  });

  it('loads chrono-node for everything else (so the count above can fail)', async () => {
    await expect(parseWhen('friday', opts)).rejects.toThrow('cannot read the date "friday"'); // the stand-in reads nothing
    expect(chrono.loads).toBe(1);
  });
});
