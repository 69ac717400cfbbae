// A stay-in-touch cadence `kith due` cannot read would silently never remind anyone.
import { parseDuration } from '../time/durations.js';
import { reported, type Check } from './check.js';

export const cadences: Check = (data, only) =>
  reported(data.contacts, only)
    .filter((c) => c.cadence !== undefined && !parseDuration(c.cadence))
    .map((c) => ({
      file: c.path,
      line: c.fieldLines.cadence ?? 2,
      col: 1,
      severity: 'error' as const,
      message: `cadence "${c.cadence}" is not a duration`,
      hint: 'write 30d, 6w, 3m, 1y, weekly, monthly, quarterly or yearly',
    }));
