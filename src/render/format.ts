// Numbers as every renderer shows them: money in whole units, amounts as written, percentages.

/** 48000 EUR -> "48,000 EUR": whole units, grouped. */
export function formatMoney(n: number, currency: string): string {
  return `${Math.round(n).toLocaleString('en-US')} ${currency}`;
}

/** A deal's amount as written in its file: exact, grouped, with its currency. */
export function formatAmount(amount: number, currency: string | undefined): string {
  return `${amount.toLocaleString('en-US')} ${currency ?? ''}`;
}

/** 0.4567 -> "45.7%"; null (nothing to divide by) -> "n/a". */
export function formatPercent(n: number | null): string {
  return n === null ? 'n/a' : `${Math.round(n * 1000) / 10}%`;
}
