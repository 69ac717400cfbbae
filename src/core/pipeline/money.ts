// Amounts and currencies: a deal's value in the report currency. Pure.
import { KithError } from '../model/errors.js';
import { quotePath, terminalSafe } from '../model/terminal.js';
import type { Deal, TeamSettings } from '../model/types.js';

/** Money is kept to the cent. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Converts a deal's amount into the report currency; a missing rate is an error naming both. */
export function dealValue(d: Deal, settings: TeamSettings, currency = settings.currency): number {
  const amount = d.amount ?? 0;
  const from = (d.currency ?? settings.currency).toUpperCase();
  const rate = (code: string) => {
    if (code === settings.currency) return 1;
    const r = settings.rates[code];
    if (r === undefined)
      throw new KithError(
        `${quotePath(d.path)}: deal "${terminalSafe(d.slug)}" is in ${code}, and kith.yaml has no rate for ${code}`,
        `add it under rates: in kith.yaml, e.g. rates: {${code}: 1.0}`,
      );
    return r;
  };
  if (amount === 0 || from === currency) return amount;
  return (amount * rate(from)) / rate(currency);
}
