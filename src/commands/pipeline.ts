// `kith pipeline`: stage counts, weighted forecast, win rate, cycle time, conversion,
// velocity and stale deals, as text with bar charts or as JSON.
import { buildPipeline, groupKey, parsePeriod } from '../core/pipeline/index.js';
import { localDate } from '../core/time/index.js';
import { printJson } from '../render/text/paint.js';
import { renderPipeline } from '../render/text/pipeline.js';
import { viewOfRepo, type Env } from './env.js';
import { slotOf } from '../store/views.js';
import { JSON_OPTION, PERIOD_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [
    PERIOD_OPTION,
    { flags: '--by <key>', help: 'also break down by owner, org, source or tag' },
    { flags: '--currency <code>', help: 'report in this currency (rates from kith.yaml)' },
    JSON_OPTION,
  ],
};

export interface PipelineOptions {
  readonly period?: string;
  readonly by?: string;
  readonly currency?: string;
  readonly json?: boolean;
}

export async function run(opts: PipelineOptions, env: Env) {
  const today = localDate(env.now, env.zone);
  const period = opts.period ? parsePeriod(opts.period, today) : undefined;
  const by = opts.by === undefined ? undefined : groupKey(opts.by);
  // the report is a function of the records, the day and these options: kept for each
  const key = JSON.stringify([today, period, by, opts.currency]);
  const { value: report } = await viewOfRepo(env, slotOf('pipeline', key, 4), key, (repo) =>
    buildPipeline(repo.data, { today, period, by, currency: opts.currency }),
  );
  if (opts.json) printJson(env.out, report);
  else env.out.write(renderPipeline(env.out, report));
  return report;
}
