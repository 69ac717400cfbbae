// Numbers as every renderer shows them: money in whole units, amounts as written, percentages;
// and a due item's words after its kind.

/** 48000 EUR -> "48,000 EUR": whole units, grouped. */
export function formatMoney(n: number, currency: string): string {
  return `${Math.round(n).toLocaleString('en-US')} ${currency}`;
}

/** A deal's amount as written in its file: exact, grouped, with its currency. */
export function formatAmount(amount: number, currency: string | undefined): string {
  return `${amount.toLocaleString('en-US')} ${currency ?? ''}`;
}

/** 43.333 -> "43.3": days as text, to a tenth. */
export function formatDays(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** 0.4567 -> "45.7%"; null (nothing to divide by) -> "n/a". */
export function formatPercent(n: number | null): string {
  return n === null ? 'n/a' : `${Math.round(n * 1000) / 10}%`;
}

/**
 * A due item's title after its kind is shown: "reply to Jane" under the kind "reply" reads
 * "to Jane", so no renderer prints "reply reply to Jane" or "chase chase Bob".
 */
export function titleAfterKind(item: { readonly kind: string; readonly title: string }): string {
  return item.title.startsWith(`${item.kind} `) ? item.title.slice(item.kind.length + 1) : item.title;
}

/** A due item in one phrase: "reply to Jane", "promise: send the quote". */
export function itemPhrase(item: { readonly kind: string; readonly title: string }): string {
  const rest = titleAfterKind(item);
  return rest === item.title ? `${item.kind}: ${item.title}` : `${item.kind} ${rest}`;
}
