// The pipeline and influence reports as one self-contained HTML page: inline CSS and SVG,
// no scripts, no network; readable on a phone and printable. Pure: data in, text out.
import type { InfluenceReport, PipelineReport } from '../../core/pipeline/index.js';
import { noun, plural } from '../../core/model/index.js';
import { REPORT_CSS } from './css.js';
import { bars, days, esc, fig, money, pct, table } from './parts.js';

/** An amount as a figure the test can read. */
const amountFig = (path: string, n: number, currency: string) => fig(path, n, money(n, currency));

/** "3 deals" with the count as a figure the test can read. */
const deals = (path: string, n: number) => `${fig(path, n, String(n))} ${noun(n, 'deal')}`;

function cards(p: PipelineReport): string {
  const c = p.currency;
  const card = (label: string, figure: string, after = '') =>
    `<div class="card">${label}<b>${figure}</b>${after}</div>`;
  return [
    card('Open deals', fig('open.count', p.open.count, String(p.open.count))),
    card('Open amount', fig('open.amount', p.open.amount, money(p.open.amount, c))),
    card('Weighted', fig('open.weighted', p.open.weighted, money(p.open.weighted, c))),
    card('Won', fig('won.amount', p.won.amount, money(p.won.amount, c)), deals('won.count', p.won.count)),
    card(
      'Win rate',
      fig('win_rate', p.win_rate, pct(p.win_rate)),
      `${fig('win_rate_amount', p.win_rate_amount, pct(p.win_rate_amount))} by amount`,
    ),
    card(
      'Cycle time',
      fig('cycle_days.mean', p.cycle_days.mean, days(p.cycle_days.mean)),
      `median ${fig('cycle_days.median', p.cycle_days.median, days(p.cycle_days.median))}`,
    ),
  ].join('\n');
}

function stagesSection(p: PipelineReport): string {
  const c = p.currency;
  const open = bars(
    p.stages.map((s) => ({
      label: s.stage,
      value: s.weighted,
      back: s.amount,
      note: `${s.count} · ${money(s.amount, c)}`,
    })),
    '#2f6fdf',
    'open amount by stage',
  );
  const rows = p.stages.map((s, i) => [
    esc(s.stage),
    fig(`stages.${i}.count`, s.count, String(s.count)),
    fig(`stages.${i}.amount`, s.amount, money(s.amount, c)),
    fig(`stages.${i}.weighted`, s.weighted, money(s.weighted, c)),
    fig(`stages.${i}.probability`, s.probability, `${Math.round(s.probability * 100)}%`),
  ]);
  return `<section><h2>Open deals by stage</h2>${open}
<p class="note">Dark: weighted by probability; light: the full amount.</p>
${table(['Stage', 'Deals', 'Amount', 'Weighted', 'Probability'], rows)}</section>`;
}

function funnelSection(p: PipelineReport): string {
  const funnel = bars(
    [
      ...p.conversion.map((cv) => ({ label: cv.from, value: cv.reached, note: `${cv.reached} reached` })),
      ...p.conversion.slice(-1).map((cv) => ({ label: cv.to, value: cv.advanced, note: `${cv.advanced} reached` })),
    ],
    '#7a4fd6',
    'deals that reached each stage',
  );
  const rows = p.conversion.map((cv, i) => {
    const d = p.stage_days.find((s) => s.stage === cv.from);
    const rate = fig(`conversion.${i}.rate`, cv.rate, pct(cv.rate));
    return [`${esc(cv.from)} → ${esc(cv.to)}`, rate, `${cv.advanced}/${cv.reached}`, d ? days(d.mean_days) : 'n/a'];
  });
  return `<section><h2>Stage funnel</h2>${funnel}
<p class="note">Deals that reached each stage, a skipped stage counting as passed.</p>
${table(['Step', 'Rate', 'Advanced', 'Mean days in stage'], rows)}</section>`;
}

function forecastSection(p: PipelineReport): string {
  const c = p.currency;
  const forecast = bars(
    p.forecast.map((f, i) => ({
      label: f.period,
      value: f.weighted,
      back: f.amount,
      note: [amountFig(`forecast.${i}.weighted`, f.weighted, c), amountFig(`forecast.${i}.amount`, f.amount, c)].join(
        ' of ',
      ),
    })),
    '#1f9d74',
    'weighted forecast by month',
  );
  const quarters = p.forecast_quarters
    .map(
      (q, i) =>
        `${esc(q.period)}: ${amountFig(`forecast_quarters.${i}.weighted`, q.weighted, c)} of ${money(q.amount, c)}`,
    )
    .join(' · ');
  return `<section><h2>Forecast by expected close month</h2>${forecast}
${quarters ? `<p class="note">By quarter: ${quarters}</p>` : ''}</section>`;
}

function closedSection(p: PipelineReport): string {
  const c = p.currency;
  const reasons = p.lost_reasons.map((l) => `<li>${esc(l.reason)} (${l.count})</li>`).join('');
  const velocity = p.velocity === null ? 'n/a' : `${money(p.velocity, c)} per day`;
  const won = `Won ${plural(p.won.count, 'deal')} (${money(p.won.amount, c)})`;
  const lost = `lost ${deals('lost.count', p.lost.count)} (${amountFig('lost.amount', p.lost.amount, c)})`;
  const cycle = `cycle time from creation to won ${days(p.cycle_days.mean)} mean, ${days(p.cycle_days.median)} median`;
  return `<section><h2>Won and lost in ${esc(p.period.label)}</h2>
<p>${won}; ${lost}${reasons ? ', because:' : '.'}</p>${reasons ? `<ul>${reasons}</ul>` : ''}
<p>Win rate ${pct(p.win_rate)} by count, ${pct(p.win_rate_amount)} by amount; ${cycle}.</p>
<p>Sales velocity: ${fig('velocity', p.velocity, velocity)}</p></section>`;
}

function influenceSection(inf: InfluenceReport): string {
  const c = inf.currency;
  const rows = inf.referrers.map((r, i) => [
    `${esc(r.name)}${r.customer ? ' <small>customer</small>' : ''}`,
    esc(r.org ?? ''),
    r.owner ? `@${esc(r.owner)}` : '',
    fig(`influence.referrers.${i}.direct.amount`, r.direct.amount, money(r.direct.amount, c)),
    fig(`influence.referrers.${i}.chain.amount`, r.chain.amount, money(r.chain.amount, c)),
    fig(`influence.referrers.${i}.chain.max_depth`, r.chain.max_depth, String(r.chain.max_depth)),
    money(r.open.amount, c),
  ]);
  const credit = [
    ...inf.orgs.map((o) => `${esc(o.org)} ${money(o.amount, c)}`),
    ...inf.owners.map((o) => `@${esc(o.owner)} ${money(o.amount, c)}`),
  ].join(' · ');
  const headers = ['Referrer', 'Org', 'Owner', 'Won directly', 'Won through chain', 'Depth', 'Open'];
  const body = rows.length
    ? `${table(headers, rows)}${credit ? `<p class="note">Credited: ${credit}</p>` : ''}`
    : '<p class="none">No referrals yet.</p>';
  return `<section><h2>Referral influence</h2>${body}</section>`;
}

function staleSection(p: PipelineReport): string {
  const items = p.stale.map((s) => {
    const owner = s.owner ? `, @${esc(s.owner)}` : '';
    const since = `no activity for ${plural(s.days, 'day')} (since ${esc(s.last_activity)})`;
    return `<li><b>${esc(s.title)}</b>: ${since}${owner}</li>`;
  });
  const count = fig('stale.length', p.stale.length, String(p.stale.length));
  const body = items.length
    ? `<p>${count} open ${noun(p.stale.length, 'deal')} without activity:</p><ul>${items.join('')}</ul>`
    : `<p class="none">None: every open deal saw activity in the stale interval (${count} stale).</p>`;
  return `<section><h2>Stale deals</h2>${body}</section>`;
}

export function renderReportHtml(
  p: PipelineReport,
  inf: InfluenceReport,
  opts: { team: string; generated: string },
): string {
  const period = `${esc(p.period.label)} (${esc(p.period.from)} to ${esc(p.period.to)})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.team)}: pipeline report</title>
<style>
${REPORT_CSS}
</style></head><body>
<h1>${esc(opts.team)}: pipeline</h1>
<p class="sub">Generated ${esc(opts.generated)} · amounts in ${esc(p.currency)} · closed deals in ${period}</p>
<div class="cards">
${cards(p)}
</div>
${stagesSection(p)}
${funnelSection(p)}
${forecastSection(p)}
${closedSection(p)}
${influenceSection(inf)}
${staleSection(p)}
</body></html>
`;
}
