// `kith pipeline`: stage counts, weighted forecast, win rate, cycle time, conversion,
// velocity and stale deals, as text with bar charts or as JSON.
import { UsageError } from '../core/model/index.js';
import { buildPipeline, parsePeriod, type PipelineOptions as Build } from '../core/pipeline/index.js';
import { localDate } from '../core/time/index.js';
import { printJson } from '../render/text/paint.js';
import { renderPipeline } from '../render/text/pipeline.js';
import { openRepo, type Env } from './env.js';
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

const BY = ['owner', 'org', 'source', 'tag'] as const;

export async function run(opts: PipelineOptions, env: Env) {
  const { data } = openRepo(env);
  const today = localDate(env.now, env.zone);
  if (opts.by && !BY.includes(opts.by as Build['by'] & string)) {
    throw new UsageError(`cannot group by "${opts.by}"`, `one of ${BY.join(', ')}`);
  }
  const period = opts.period ? parsePeriod(opts.period, today) : undefined;
  const report = buildPipeline(data, { today, period, by: opts.by as Build['by'], currency: opts.currency });
  if (opts.json) printJson(env.out, report);
  else env.out.write(renderPipeline(env.out, report));
  return report;
}
