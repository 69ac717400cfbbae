// Deal stages and stage history entries that kith.yaml does not define.
import { problemAt, reported, type Check } from './check.js';

export const stages: Check = (data, only) => {
  const names = data.settings.stages.map((s) => s.name);
  const hint = `one of ${names.join(', ')}`;
  return reported(data.deals, only).flatMap((d) => [
    ...(d.stage && !names.includes(d.stage) ? [problemAt(d, 'stage', `unknown stage "${d.stage}"`, hint)] : []),
    ...d.history
      .filter((h) => !names.includes(h.stage))
      .map((h) =>
        problemAt(
          d,
          'history',
          `history names unknown stage "${h.stage}" (${h.at})`,
          `${hint}; rename it here or add it to kith.yaml`,
        ),
      ),
  ]);
};
