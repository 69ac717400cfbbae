// Values as people type them on the command line, read strictly. Pure.
import { UsageError } from './errors.js';
import { AMOUNT_RULE, isAmount, isAmountSource } from './amount.js';
import { terminalSafe } from './terminal.js';

/** "48,000" or "48 000" or "48_000" -> 48000; anything else is an error quoting it. */
export function parseAmount(text: string): number {
  const digits = text.replace(/[_,\s]/g, '');
  const amount = Number(digits);
  if (!isAmountSource(digits) || !isAmount(amount))
    throw new UsageError(
      `amount ${AMOUNT_RULE}, not ${/^["']/.test(text) ? text : `"${text}"`}`,
      'e.g. 48000 or "48,000"',
    );
  return amount;
}

// Keys that other commands own: changing them by hand would break links or history.
const PROTECTED: Readonly<Record<string, string>> = {
  id: 'an id never changes',
  entries: 'timeline entries live in the body: `kith edit`',
};

/**
 * A name, title or subject as typed: on one line, without control characters, bidi controls or
 * zero-width characters, which would make two names look alike or a line read out of order.
 */
export function typedName(text: string): string {
  return terminalSafe(text).replace(/ {2,}/g, ' ').trim();
}

// Fields that hold a name: what a person reads, cleaned as it is typed.
const NAME_FIELDS = new Set(['name', 'title', 'subject']);

/** `key=value` pairs as field changes; `key=` removes the key. `parse` reads a value. */
export function readAssignments(
  pairs: readonly string[],
  parse: (raw: string, key: string) => unknown,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new UsageError(
        `expected key=value, got "${pair}"`,
        'e.g. kith set jane title=CTO tags=[vip,emea] cadence=',
      );
    const key = pair.slice(0, eq).trim();
    if (PROTECTED[key]) throw new UsageError(`cannot set "${key}": ${PROTECTED[key]}`);
    if (!/^[a-z_][a-z0-9_]*$/i.test(key)) throw new UsageError(`"${key}" is not a field name`);
    const value = parse(pair.slice(eq + 1), key);
    changes[key] = NAME_FIELDS.has(key) && typeof value === 'string' ? typedName(value) : value;
  }
  return changes;
}
