// Money as the format writes it: plain digits, not negative, and exact. Plain functions, so
// what reads an amount from a command line needs no schema library.

export const AMOUNT_RULE = 'must be plain digits, not negative, like 48000 or 1250.50';

/** An amount kith keeps exactly: no more than 15 significant digits. */
export function isAmount(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 999_999_999_999_999 && Number(n.toPrecision(15)) === n;
}

/** How an amount may be written in a file (0x10, 1e3 and +5 are numbers to YAML, not to us). */
export const isAmountSource = (source: string) => /^\d+(\.\d+)?$/.test(source);
