// Dates as people type them: ISO, "today", "in 3 days", "next friday", "yesterday 3pm",
// "end of month". ISO and simple phrases are read here; chrono-node is loaded only for the
// rest. Never a silent guess: input that is not wholly understood is an error quoting it.
import { UsageError } from '../model/errors.js';
import type { IsoDate, IsoDateTime } from '../model/types.js';
import { addDays, endOfMonth, endOfWeek, isIsoDate } from './calendar.js';
import { addDuration, parseDuration } from './durations.js';
import { formatDateTime, instantOf, localDate, offsetMinutes, pad } from './zone.js';

export interface When {
  readonly date: IsoDate;
  readonly at: IsoDateTime;
  readonly hasTime: boolean;
}

export interface WhenOptions {
  /** Epoch ms. */
  readonly now: number;
  readonly zone: string;
  /**
   * Which way the date points. The past (--at): "friday" is the last one, "01/02" the last
   * such day, and a date ahead is refused. The future (--next, --by, --close, snooze): "friday"
   * is the coming one, and a day gone by is refused unless `anyDay`.
   */
  readonly toward: 'past' | 'future';
  /** The flag or argument read, to name it in errors: "--at", "--by". */
  readonly flag?: string;
  /** A future date was asked for, but the user said a past one is meant (--past). */
  readonly anyDay?: boolean;
}

/** A date said to have happened may lie this far ahead: clocks differ a little. */
const PAST_SLACK_MS = 5 * 60_000;

const HINT = [
  'try 2026-12-01, "2026-12-01 15:00", today, tomorrow, friday,',
  '"next tuesday", "in 3 days", "yesterday 3pm", "end of month"',
].join(' ');

/**
 * A date without a time is taken at the current time of day when it is today (so "today"
 * sorts after earlier entries), and at 09:00 otherwise: the start of a working day.
 */
function atDate(date: IsoDate, opts: WhenOptions): When {
  const today = localDate(opts.now, opts.zone);
  const instant = date === today ? opts.now : instantOf(date, '09:00', opts.zone);
  return { date, at: formatDateTime(instant, opts.zone), hasTime: false };
}

function atTime(date: IsoDate, time: string, opts: WhenOptions): When {
  const at = formatDateTime(instantOf(date, time, opts.zone), opts.zone);
  return { date: at.slice(0, 10), at, hasTime: true };
}

/** Reads the input without chrono where it can; undefined when chrono is needed. */
function readSimple(input: string, opts: WhenOptions): When | undefined {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const today = localDate(opts.now, opts.zone);
  if (isIsoDate(text)) return atDate(text, opts);
  // seconds and fractions are accepted and dropped: entries are kept to the minute
  const iso = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)? ?(z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (iso) {
    if (!isIsoDate(iso[1]!)) return undefined;
    if (Number(iso[2]) > 23 || Number(iso[3]) > 59 || Number(iso[4] ?? 0) > 59) return undefined;
    const zone = iso[5];
    if (zone) {
      // z, +01, +0100 or +01:00
      const offset = zone === 'z' ? 'Z' : `${zone.slice(0, 3)}:${zone.length === 3 ? '00' : zone.slice(-2)}`;
      const ms = Date.parse(`${iso[1]}T${iso[2]}:${iso[3]}:00${offset}`);
      return Number.isNaN(ms)
        ? undefined
        : { date: localDate(ms, opts.zone), at: formatDateTime(ms, opts.zone), hasTime: true };
    }
    return atTime(iso[1]!, `${iso[2]}:${iso[3]}`, opts);
  }
  if (text === 'now') return { date: today, at: formatDateTime(opts.now, opts.zone), hasTime: true };
  if (text === 'today') return atDate(today, opts);
  if (text === 'tomorrow') return atDate(addDays(today, 1), opts);
  if (text === 'yesterday') return atDate(addDays(today, -1), opts);
  if (text === 'end of month' || text === 'eom') return atDate(endOfMonth(today), opts);
  if (text === 'end of week' || text === 'eow') {
    // the working week ends on Friday
    const friday = addDays(endOfWeek(today), -2);
    return atDate(friday < today ? addDays(friday, 7) : friday, opts);
  }
  if (text === 'next week') return atDate(addDays(endOfWeek(today), 1), opts);
  if (text === 'next month') return atDate(addDuration(`${today.slice(0, 8)}01`, { months: 1 }), opts);
  const rel = /^(?:in )?(\d+ ?(?:d|days?|w|weeks?|m|months?|y|years?))( ago)?$/.exec(text);
  if (rel && (text.startsWith('in ') || rel[2] || /^\d+[dwmy]$/.test(text))) {
    const d = parseDuration(rel[1]!)!;
    const sign = rel[2] ? -1 : 1;
    return atDate(addDuration(today, { days: (d.days ?? 0) * sign, months: (d.months ?? 0) * sign }), opts);
  }
  return undefined;
}

/** What the input says, with which parts of it chrono only implied (to move "friday" back a week). */
interface Reading {
  readonly when: When;
  readonly implied?: 'week' | 'year';
}

export async function parseWhen(input: string, opts: WhenOptions): Promise<When> {
  const reading = await readWhen(input, opts);
  const label = `${opts.flag ?? 'the date'} "${input.trim()}"`;
  if (opts.toward === 'future') {
    if (!opts.anyDay && reading.when.date < localDate(opts.now, opts.zone)) {
      throw new UsageError(
        `${label} is in the past (${reading.when.date})`,
        `${opts.flag ?? 'it'} is a date to come; add --past if a day gone by is meant`,
      );
    }
    return reading.when;
  }
  const ahead = (w: When) => Date.parse(w.at) > opts.now + PAST_SLACK_MS;
  let when = reading.when;
  // "friday" on a Tuesday, "01/02" in November: the last one, when only the week or year was implied
  if (ahead(when) && reading.implied && !/\b(next|this|coming)\b/i.test(input)) {
    when = shiftBack(when, reading.implied, opts) ?? when;
  }
  if (ahead(when)) {
    throw new UsageError(
      `${label} is in the future (${when.hasTime ? when.at.slice(0, 16).replace('T', ' ') : when.date})`,
      `${opts.flag ?? 'it'} says when it happened; a date to come is a next date (kith log --next, kith promise --by)`,
    );
  }
  return when;
}

function shiftBack(when: When, implied: 'week' | 'year', opts: WhenOptions): When | undefined {
  const date =
    implied === 'week' ? addDays(when.date, -7) : `${pad(Number(when.date.slice(0, 4)) - 1, 4)}${when.date.slice(4)}`;
  if (!isIsoDate(date)) return undefined;
  return when.hasTime ? atTime(date, when.at.slice(11, 16), opts) : atDate(date, opts);
}

async function readWhen(input: string, opts: WhenOptions): Promise<Reading> {
  const simple = readSimple(input, opts);
  if (simple) return { when: simple };
  if (/^\s*\d{4}-\d{2}-\d{2}/.test(input)) {
    throw new UsageError(
      `"${input.trim()}" is not a real date`,
      'dates are YYYY-MM-DD and must exist (2026-02-30 does not)',
    );
  }
  const chrono = await import('chrono-node');
  const reference = { instant: new Date(opts.now), timezone: offsetMinutes(opts.now, opts.zone) };
  // chrono's forwardDate turns "last friday" into the coming one: words that point back win
  const back = /\b(last|ago|previous|past)\b/i.test(input);
  const results = chrono.parse(input, reference, { forwardDate: opts.toward === 'future' && !back });
  const result = results[0];
  // the whole input must be understood: "fridya" or "friday-ish" is not a date
  const rest = result
    ? (input.slice(0, result.index) + input.slice(result.index + result.text.length)).replace(
        /[\s,.]|\bat\b|\bon\b/gi,
        '',
      )
    : input;
  if (!result || results.length > 1 || rest !== '') {
    throw new UsageError(`cannot read the date "${input.trim()}"`, HINT);
  }
  const s = result.start;
  // "in 5 hours" counts real hours from now: chrono worked with now's offset, so its instant
  // is right while its wall-clock fields are off by an hour when a DST change falls between
  if (result.tags().has('result/relativeDateAndTime') && !result.tags().has('parser/ENTimeExpressionParser')) {
    const ms = s.date().getTime();
    return { when: { date: localDate(ms, opts.zone), at: formatDateTime(ms, opts.zone), hasTime: true } };
  }
  const implied =
    s.isCertain('weekday') && !s.isCertain('day')
      ? 'week'
      : s.isCertain('month') && !s.isCertain('year')
        ? 'year'
        : undefined;
  const date = `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
  if (!isIsoDate(date)) throw new UsageError(`"${input.trim()}" is not a real date`);
  const when = s.isCertain('hour')
    ? atTime(date, `${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}`, opts)
    : atDate(date, opts);
  return { when, implied };
}
