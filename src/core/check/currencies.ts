// A deal in a currency kith.yaml has no rate for cannot be added up: the pipeline would fail.
import { problemAt, reported, type Check } from './check.js';

export const currencies: Check = (data, only) => {
  const { currency, rates } = data.settings;
  const known = [currency, ...Object.keys(rates)];
  return reported(data.deals, only)
    .filter((d) => d.currency !== undefined && !known.includes(d.currency.toUpperCase()))
    .map((d) =>
      problemAt(
        d,
        'currency',
        `currency "${d.currency}" has no rate in kith.yaml`,
        `add it to kith.yaml, e.g. rates: {${d.currency!.toUpperCase()}: 0.92} (its value in ${currency})`,
      ),
    );
};
