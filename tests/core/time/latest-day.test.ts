import { describe, expect, it } from 'vitest';
import { dayOf, latestDayOf } from '../../../src/core/time/index.js';
import { random } from '../../helpers/random.js';

const bySorting = (ats: readonly string[], zone?: string) =>
  ats
    .map((at) => dayOf(at, zone))
    .sort()
    .at(-1);

describe('the latest day among moments, in the reader’s zone', () => {
  it('is the day of the latest moment as the reader sees it', () => {
    const ats = ['2026-11-19T10:00+01:00', '2026-11-20T23:30-05:00', '2026-11-20T12:00+01:00'];
    expect(latestDayOf(ats, 'Europe/Paris')).toBe('2026-11-21');
    expect(latestDayOf(ats, 'America/New_York')).toBe('2026-11-20');
    expect(latestDayOf(ats)).toBe('2026-11-20');
  });

  it('is undefined for no moments, and takes dates and unreadable moments as written', () => {
    expect(latestDayOf([], 'Europe/Paris')).toBeUndefined();
    const ats = ['2026-11-02', 'soon', '2026-11-30T23:30-05:00'];
    expect(latestDayOf(ats, 'Europe/Paris')).toBe('soon');
    expect(latestDayOf(ats, 'Europe/Paris')).toBe(bySorting(ats, 'Europe/Paris'));
    expect(latestDayOf(['2026-11-02', '2026-11-30T23:30-05:00'], 'Europe/Paris')).toBe('2026-12-01');
  });

  it('gives what sorting every day gave, around midnight and clock changes, in any zone', () => {
    const rnd = random(4213);
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Asia/Beirut',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
    ];
    // the nights clocks went back in 2026, and ordinary ones
    const nights = [Date.parse('2026-10-25T00:00Z'), Date.parse('2026-11-01T06:00Z'), Date.parse('2026-11-20T00:00Z')];
    for (let n = 0; n < 300; n++) {
      const zone = rnd.pick(zones);
      const around = rnd.pick(nights);
      const ats = Array.from({ length: 1 + rnd.int(6) }, () => {
        const ms = around + (rnd.int(4 * 24 * 60) - 2 * 24 * 60) * 60_000;
        const off = rnd.pick(['Z', '+01:00', '-05:00', '+14:00', '-11:00']);
        const shifted = new Date(ms + (off === 'Z' ? 0 : Number(off.slice(0, 3)) * 3_600_000)).toISOString();
        return `${shifted.slice(0, 16)}${off}`;
      });
      expect(latestDayOf(ats, zone), `${zone} ${ats.join(' ')} (seed ${rnd.seed})`).toBe(bySorting(ats, zone));
      expect(latestDayOf(ats)).toBe(bySorting(ats));
    }
  });
});
