// `kith report --out FILE.html`: the pipeline and influence as one self-contained page.
import { buildInfluence, buildPipeline, parsePeriod } from '../core/pipeline/index.js';
import { quotePath } from '../core/model/index.js';
import { formatDateTime, localDate } from '../core/time/index.js';
import { renderReportHtml } from '../render/html/report.js';
import { writeOutside } from '../store/files.js';
import { openRepo, type Env } from './env.js';
import { PERIOD_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [
    { flags: '--out <file>', help: 'the HTML file to write', required: true },
    PERIOD_OPTION,
    { flags: '--currency <code>', help: 'report in this currency' },
  ],
};

export interface ReportOptions {
  readonly out: string;
  readonly period?: string;
  readonly currency?: string;
}

export async function run(opts: ReportOptions, env: Env) {
  const { data } = await openRepo(env, { excerpts: true });
  const today = localDate(env.now, env.zone);
  const period = opts.period ? parsePeriod(opts.period, today) : undefined;
  const pipeline = buildPipeline(data, { today, period, currency: opts.currency });
  const influence = buildInfluence(data, { currency: opts.currency });
  const generated = formatDateTime(env.now, env.zone).replace('T', ' ');
  const html = renderReportHtml(pipeline, influence, { team: data.settings.name, generated });
  const path = writeOutside(env.cwd, opts.out, html);
  env.err.write(`wrote ${quotePath(opts.out)} (${Math.round(html.length / 1024)} KB)\n`);
  return { path, pipeline, influence };
}
