// `kith pipeline` for a terminal: stages and forecast as bars, closed deals, conversion,
// stale deals and an optional breakdown table.
import type { PipelineReport } from '../../core/pipeline/index.js';
import { plural } from '../../core/model/index.js';
import { formatDays, formatMoney as money, formatPercent as percent } from '../format.js';
import type { Output } from './output.js';
import { clean, paint } from './paint.js';
import { renderTable } from './table.js';

/** A bar of block characters; numbers are printed beside it so no colour is needed. */
/** 1 -> "1 day", 43.333 -> "43.3 days". */
const days = (n: number) => (Math.round(n * 10) / 10 === 1 ? '1 day' : `${formatDays(n)} days`);
const inDays = (n: number | null) => (n === null ? 'n/a' : days(n));

function bar(out: Output, value: number, max: number, width: number): string {
  const n = max > 0 ? Math.round((value / max) * width) : 0;
  return paint(out, 'cyan', '█'.repeat(n)) + ' '.repeat(width - n);
}

function closedLines(r: PipelineReport): string[] {
  const c = r.currency;
  const cycle =
    r.cycle_days.mean === null ? 'n/a' : `${days(r.cycle_days.mean)} mean, ${formatDays(r.cycle_days.median!)} median`;
  return [
    `  won ${r.won.count} (${money(r.won.amount, c)}), lost ${r.lost.count} (${money(r.lost.amount, c)})`,
    `  win rate ${percent(r.win_rate)} by count, ${percent(r.win_rate_amount)} by amount`,
    `  cycle time ${cycle} (creation to won)`,
    `  sales velocity ${r.velocity === null ? 'n/a' : `${money(r.velocity, c)} per day`}`,
    ...r.lost_reasons.map((l) => `  lost: ${clean(l.reason)} (${l.count})`),
  ];
}

function groupTable(out: Output, r: PipelineReport): string {
  const c = r.currency;
  const columns = ['GROUP', 'OPEN', 'AMOUNT', 'WEIGHTED', 'WON', 'WIN RATE'].map((header, i) => ({
    header,
    align: i ? ('right' as const) : ('left' as const),
  }));
  const rows = (r.groups ?? []).map((g) => [
    g.key,
    String(g.open.count),
    money(g.open.amount, c),
    money(g.open.weighted, c),
    money(g.won.amount, c),
    percent(g.win_rate),
  ]);
  return renderTable(out, columns, rows).trimEnd();
}

export function renderPipeline(out: Output, r: PipelineReport): string {
  const c = r.currency;
  const width = Math.max(10, Math.min(40, out.columns - 60));
  const lines: string[] = [];
  const h = (t: string) => lines.push('', paint(out, 'bold', t));
  const weighted = `weighted ${money(r.open.weighted, c)}`;
  const open = `open: ${plural(r.open.count, 'deal')}, ${money(r.open.amount, c)}, ${weighted}`;
  lines.push(`${paint(out, 'bold', 'Pipeline')}  ${open}`);
  h('Open deals by stage');
  const maxStage = Math.max(0, ...r.stages.map((s) => s.amount));
  for (const s of r.stages) {
    const figures = `${String(s.count).padStart(3)}  ${money(s.amount, c).padStart(14)}`;
    const weighted = `weighted ${money(s.weighted, c).padStart(14)} (${Math.round(s.probability * 100)}%)`;
    lines.push(`  ${s.stage.padEnd(12)} ${bar(out, s.amount, maxStage, width)} ${figures}  ${weighted}`);
  }
  h('Forecast by expected close month');
  const maxF = Math.max(0, ...r.forecast.map((f) => f.amount));
  for (const f of r.forecast) {
    const weighted = `${money(f.weighted, c).padStart(14)} weighted of ${money(f.amount, c)}`;
    lines.push(`  ${f.period.padEnd(12)} ${bar(out, f.weighted, maxF, width)} ${weighted}`);
  }
  if (r.forecast_quarters.length) {
    lines.push(`  by quarter: ${r.forecast_quarters.map((q) => `${q.period} ${money(q.weighted, c)}`).join(' · ')}`);
  }
  h(`Closed in ${r.period.label} (${r.period.from} to ${r.period.to})`);
  lines.push(...closedLines(r));
  h('Conversion and time in stage');
  for (const [i, cv] of r.conversion.entries()) {
    const inStage = r.stage_days[i] ? `   ${inDays(r.stage_days[i]!.mean_days)} in ${cv.from}` : '';
    const step = `${cv.from} → ${cv.to}`.padEnd(26);
    lines.push(`  ${step} ${percent(cv.rate).padStart(6)}  (${cv.advanced}/${cv.reached})${inStage}`);
  }
  if (r.stale.length) {
    h('Stale deals');
    for (const s of r.stale) {
      const since = `no activity for ${plural(s.days, 'day')}, since ${s.last_activity}`;
      lines.push(`  ${clean(s.title)} (${clean(s.deal)}): ${since}${s.owner ? ` @${clean(s.owner)}` : ''}`);
    }
  }
  if (r.groups) lines.push('', groupTable(out, r));
  return `${lines.join('\n')}\n`;
}
