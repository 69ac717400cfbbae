// `kith report --out FILE.html`: the pipeline and influence as one self-contained page.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDateTime, localDate } from '../core/dates.js';
import { buildInfluence } from '../core/influence.js';
import { buildPipeline, parsePeriod } from '../core/pipeline.js';
import { renderReportHtml } from '../core/report-html.js';
import { openRepo, type Env } from './env.js';

export interface ReportOptions {
  readonly out: string;
  readonly period?: string;
  readonly currency?: string;
}

export async function run(opts: ReportOptions, env: Env) {
  const { data } = openRepo(env);
  const today = localDate(env.now, env.zone);
  const pipeline = buildPipeline(data, { today, period: opts.period ? parsePeriod(opts.period, today) : undefined, currency: opts.currency });
  const influence = buildInfluence(data, { currency: opts.currency });
  const html = renderReportHtml(pipeline, influence, { team: data.settings.name, generated: formatDateTime(env.now, env.zone).replace('T', ' ') });
  const path = resolve(env.cwd, opts.out);
  writeFileSync(path, html);
  env.err.write(`wrote ${opts.out} (${Math.round(html.length / 1024)} KB)\n`);
  return { path, pipeline, influence };
}
