// `kith pipeline`: stage counts, weighted forecast, win rate, cycle time, conversion,
// velocity and stale deals, as text with bar charts or as JSON.
import { localDate } from '../core/dates.js';
import { buildPipeline, parsePeriod, type PipelineReport } from '../core/pipeline.js';
import { UsageError } from '../core/errors.js';
import { clean, openRepo, paint, printJson, renderTable, type Env, type Output } from './env.js';

export interface PipelineOptions {
  readonly period?: string;
  readonly by?: string;
  readonly currency?: string;
  readonly json?: boolean;
}

export const money = (n: number, currency: string) => `${Math.round(n).toLocaleString('en-US')} ${currency}`;
export const percent = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 1000) / 10}%`);

/** A bar of block characters; numbers are printed beside it so no colour is needed. */
export function bar(out: Output, value: number, max: number, width: number): string {
  const n = max > 0 ? Math.round((value / max) * width) : 0;
  return paint(out, 'cyan', '█'.repeat(n)) + ' '.repeat(width - n);
}

export function renderPipeline(out: Output, r: PipelineReport): string {
  const c = r.currency;
  const width = Math.max(10, Math.min(40, out.columns - 60));
  const lines: string[] = [];
  const h = (t: string) => lines.push('', paint(out, 'bold', t));
  lines.push(`${paint(out, 'bold', 'Pipeline')}  open: ${r.open.count} deals, ${money(r.open.amount, c)}, weighted ${money(r.open.weighted, c)}`);
  h('Open deals by stage');
  const maxStage = Math.max(0, ...r.stages.map((s) => s.amount));
  for (const s of r.stages) {
    lines.push(`  ${s.stage.padEnd(12)} ${bar(out, s.amount, maxStage, width)} ${String(s.count).padStart(3)}  ${money(s.amount, c).padStart(14)}  weighted ${money(s.weighted, c).padStart(14)} (${Math.round(s.probability * 100)}%)`);
  }
  h('Forecast by expected close month');
  const maxF = Math.max(0, ...r.forecast.map((f) => f.amount));
  for (const f of r.forecast) lines.push(`  ${f.period.padEnd(12)} ${bar(out, f.weighted, maxF, width)} ${money(f.weighted, c).padStart(14)} weighted of ${money(f.amount, c)}`);
  if (r.forecast_quarters.length) lines.push(`  by quarter: ${r.forecast_quarters.map((q) => `${q.period} ${money(q.weighted, c)}`).join(' · ')}`);
  h(`Closed in ${r.period.label} (${r.period.from} to ${r.period.to})`);
  lines.push(`  won ${r.won.count} (${money(r.won.amount, c)}), lost ${r.lost.count} (${money(r.lost.amount, c)})`);
  lines.push(`  win rate ${percent(r.win_rate)} by count, ${percent(r.win_rate_amount)} by amount`);
  lines.push(`  cycle time ${r.cycle_days.mean === null ? 'n/a' : `${r.cycle_days.mean} days mean, ${r.cycle_days.median} median`} (creation to won)`);
  lines.push(`  sales velocity ${r.velocity === null ? 'n/a' : `${money(r.velocity, c)} per day`}`);
  for (const l of r.lost_reasons) lines.push(`  lost: ${clean(l.reason)} (${l.count})`);
  h('Conversion and time in stage');
  for (const [i, cv] of r.conversion.entries()) {
    const days = r.stage_days[i];
    lines.push(`  ${`${cv.from} → ${cv.to}`.padEnd(26)} ${percent(cv.rate).padStart(6)}  (${cv.advanced}/${cv.reached})${days ? `   ${days.mean_days === null ? 'n/a' : `${days.mean_days} days`} in ${cv.from}` : ''}`);
  }
  if (r.stale.length) {
    h('Stale deals');
    for (const s of r.stale) lines.push(`  ${clean(s.title)} (${s.deal}): no activity for ${s.days} days, since ${s.last_activity}${s.owner ? ` @${s.owner}` : ''}`);
  }
  if (r.groups) {
    lines.push('');
    lines.push(renderTable(out, [{ header: 'GROUP' }, { header: 'OPEN', align: 'right' }, { header: 'AMOUNT', align: 'right' }, { header: 'WEIGHTED', align: 'right' }, { header: 'WON', align: 'right' }, { header: 'WIN RATE', align: 'right' }],
      r.groups.map((g) => [g.key, String(g.open.count), money(g.open.amount, c), money(g.open.weighted, c), money(g.won.amount, c), percent(g.win_rate)])).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

const BY = ['owner', 'org', 'source', 'tag'] as const;

export async function run(opts: PipelineOptions, env: Env) {
  const { data } = openRepo(env);
  const today = localDate(env.now, env.zone);
  if (opts.by && !BY.includes(opts.by as (typeof BY)[number])) throw new UsageError(`cannot group by "${opts.by}"`, `one of ${BY.join(', ')}`);
  const report = buildPipeline(data, {
    today, period: opts.period ? parsePeriod(opts.period, today) : undefined,
    by: opts.by as (typeof BY)[number] | undefined, currency: opts.currency,
  });
  if (opts.json) printJson(env.out, report);
  else env.out.write(renderPipeline(env.out, report));
  return report;
}
