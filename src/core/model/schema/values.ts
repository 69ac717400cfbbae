// The value rules every file shares (text, words, dates, money, days, e-mail, domains), as
// valibot schemas whose messages name the rule and quote the value. Pure: no I/O.
import * as v from 'valibot';
import { isIsoDate } from '../../time/calendar.js';
import { durationDays, parseDuration } from '../../time/durations.js';
import { AMOUNT_RULE, isAmount } from '../amount.js';
import { isEmailAddress } from '../email.js';

/** A value as a message quotes it: "two", 100000000, a list. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : String(value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const not = (what: string) => (issue: { input: unknown }) => `${what}, not ${quote(issue.input)}`;

export const text = (what = 'text') => v.string(not(`must be ${what}`));

export const nonEmptyText = (what = 'text') =>
  v.pipe(
    text(what),
    v.check((s) => s.trim() !== '', 'must not be empty'),
  );

/** A list of words; one word alone counts as a list of one. */
export const words = <T extends v.GenericSchema<unknown, string>>(item: T) =>
  v.pipe(
    v.unknown(),
    v.transform((x): unknown[] => (Array.isArray(x) ? x : [x])),
    v.array(item, not('must be a list like [a, b]')),
  );

export const isoDate = v.pipe(
  text('a date written YYYY-MM-DD'),
  v.check(isIsoDate, not('must be a real date written YYYY-MM-DD')),
);

// A slug, a handle: what other records name. Kept loose (old files have odd slugs), but never empty.
export const reference = v.pipe(
  text('a name like jane-doe'),
  v.check((s) => s.trim() !== '', 'must not be empty'),
);

export const email = v.pipe(
  text('an e-mail address'),
  v.check(isEmailAddress, not('must be an e-mail address like jane@acme.example')),
);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
export const isDomain = (s: string) => DOMAIN.test(s.replace(/^@/, ''));
export const domain = v.pipe(text('a domain'), v.check(isDomain, not('must be a domain like acme.example')));

export const isCurrency = (s: string) => /^[A-Za-z]{3}$/.test(s);
export const currency = v.pipe(
  text('a currency code'),
  v.check(isCurrency, not('must be a three-letter currency code like EUR')),
);

/** Whole numbers of days within sane bounds: a loop over them always ends soon. */
export const days = (min: number, max: number) =>
  v.pipe(
    v.number(not(`must be a whole number of days from ${min} to ${max}`)),
    v.check(
      (n) => Number.isInteger(n) && n >= min && n <= max,
      not(`must be a whole number of days from ${min} to ${max}`),
    ),
  );

/** A probability as the format writes it: 0 to 1 (0.6 is 60 %). */
export const probability = v.pipe(
  v.number(not('must be a number from 0 to 1, like 0.6')),
  v.check((n) => Number.isFinite(n) && n >= 0 && n <= 1, not('must be a number from 0 to 1, like 0.6')),
);

/** Money: plain digits, not negative, and exact (no more than 15 significant digits). */
export { AMOUNT_RULE, isAmount, isAmountSource } from '../amount.js';
export const amount = v.pipe(v.number(not(AMOUNT_RULE)), v.check(isAmount, not(AMOUNT_RULE)));

/** Stay-in-touch cadences: 30d, 6w, quarterly..., from one day to ten years. */
const MAX_CADENCE_DAYS = 3660;
const CADENCE_RULE = 'must be a duration from 1d to 10y, like 30d, 6w, 3m or quarterly';
function isCadence(s: string): boolean {
  const d = parseDuration(s);
  return d !== undefined && durationDays(d) >= 1 && durationDays(d) <= MAX_CADENCE_DAYS;
}
export const cadence = v.pipe(text('a duration like 30d'), v.check(isCadence, not(CADENCE_RULE)));

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const weekday = v.pipe(
  text('a weekday'),
  v.check(
    (s) => {
      const t = s.trim().toLowerCase();
      return WEEKDAY_NAMES.includes(t) || FULL.includes(t);
    },
    not(`must be a weekday, one of ${WEEKDAY_NAMES.join(', ')}`),
  ),
  v.transform((s) => s.trim().toLowerCase().slice(0, 3)),
);

/** A teammate's handle: letters, digits, dot, dash, underscore. */
const HANDLE = /^[a-z0-9][a-z0-9._-]*$/i;
export const handle = v.pipe(
  text('a handle like maya'),
  v.check((s) => HANDLE.test(s), not('must be a handle of letters, digits, ".", "-" or "_", like maya')),
);
