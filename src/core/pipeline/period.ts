// Reporting periods as people write them: 2026-Q4, 2026-11, 2026 or 90d. Pure.
import { UsageError } from '../model/errors.js';
import type { IsoDate } from '../model/types.js';
import { plural } from '../model/text.js';
import { addDays, endOfMonth } from '../time/calendar.js';

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly label: string;
}

/** 2026-Q4, 2026-11, 2026 or 90d (the last 90 days through today). */
export function parsePeriod(text: string, today: IsoDate): Period {
  const t = text.trim();
  let m = /^(\d{4})-?Q([1-4])$/i.exec(t);
  if (m) {
    const startMonth = (Number(m[2]) - 1) * 3 + 1;
    const from = `${m[1]}-${String(startMonth).padStart(2, '0')}-01`;
    return { from, to: endOfMonth(`${m[1]}-${String(startMonth + 2).padStart(2, '0')}-01`), label: `${m[1]}-Q${m[2]}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { from: `${t}-01`, to: endOfMonth(`${t}-01`), label: t };
  m = /^(\d{4})$/.exec(t);
  if (m) return { from: `${t}-01-01`, to: `${t}-12-31`, label: t };
  m = /^([1-9]\d*)d$/.exec(t);
  if (m) return { from: addDays(today, -Number(m[1]) + 1), to: today, label: `last ${plural(Number(m[1]), 'day')}` };
  throw new UsageError(`cannot read the period "${text}"`, 'e.g. 2026-Q4, 2026-11, 2026 or 90d');
}
