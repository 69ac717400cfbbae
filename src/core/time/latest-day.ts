// The latest day among many moments, in the reader's zone, reading only the moments that can
// be on it: a zone's calendar is costly to consult, and a contact's conversations hold many.
// Pure.
import type { IsoDate } from '../model/types.js';
import { dayOf } from './zone.js';

// No zone is 16 hours or more from UTC (-12 to +14 now; local mean times stayed within this)
const MAX_OFFSET_MS = 16 * 3_600_000;

/** The latest `dayOf(at, zone)` of the moments, as sorting every one of them would give; undefined for none. */
export function latestDayOf(ats: Iterable<string>, zone?: string): IsoDate | undefined {
  let latest: IsoDate | undefined;
  const later = (day: IsoDate) => {
    if (latest === undefined || day > latest) latest = day;
  };
  const timed: { at: string; ms: number }[] = [];
  let top = -Infinity;
  for (const at of ats) {
    const ms = zone ? Date.parse(at) : NaN;
    if (Number.isNaN(ms)) later(dayOf(at, zone));
    else {
      timed.push({ at, ms });
      if (ms > top) top = ms;
    }
  }
  // a day is the date of the instant plus the zone's offset: a moment two offsets before the
  // latest one cannot fall on a later day, whatever the zone did in between
  for (const { at, ms } of timed) if (ms >= top - 2 * MAX_OFFSET_MS) later(dayOf(at, zone));
  return latest;
}
