// The pipeline and influence reports as one self-contained HTML page: inline CSS and SVG,
// no scripts, no network; readable on a phone and printable. Pure: data in, text out.
import type { InfluenceReport, PipelineReport } from '../../core/pipeline/index.js';
import { formatMoney, formatPercent } from '../format.js';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (n: number, c: string) => esc(formatMoney(n, c));
const pct = formatPercent;
const days = (n: number | null) => (n === null ? 'n/a' : `${n} d`);

/**
 * A figure the browser test reads back: data-figure names the JSON path it shows (paths
 * of the influence report start with `influence.`) and data-value holds the exact value.
 */
const fig = (path: string, value: unknown, text: string) =>
  `<span data-figure="${esc(path)}" data-value="${esc(JSON.stringify(value))}">${text}</span>`;

interface Bar {
  readonly label: string;
  readonly value: number;
  /** A lighter bar behind the main one (the unweighted amount behind the weighted). */
  readonly back?: number;
  /** HTML, already escaped: it may hold figures. */
  readonly note: string;
}

/**
 * Horizontal bars: the label and the figures are HTML text, so they keep their size on a
 * phone; only the bar is SVG, stretched to the space left.
 */
function bars(rows: readonly Bar[], color: string, title: string): string {
  if (!rows.length) return '<p class="none">Nothing to show.</p>';
  const max = Math.max(0, ...rows.map((r) => Math.max(r.value, r.back ?? 0)));
  const width = (v: number) => (max > 0 ? Math.round((v / max) * 1000) / 10 : 0);
  const body = rows.map((r) => {
    const back = r.back === undefined ? '' : `<rect width="${width(r.back)}" height="10" fill="${color}" opacity=".25"/>`;
    return `<div class="bar"><span class="l">${esc(r.label)}</span>`
      + `<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">${back}<rect width="${width(r.value)}" height="10" fill="${color}"/></svg>`
      + `<span class="v">${r.note}</span></div>`;
  }).join('');
  return `<div class="bars" role="img" aria-label="${esc(title)}">${body}</div>`;
}

/** A table whose cells carry their column name, so a phone can show each row as a card. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td data-label="${esc(headers[i] ?? '')}">${cell}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function renderReportHtml(p: PipelineReport, inf: InfluenceReport, opts: { team: string; generated: string }): string {
  const c = p.currency;
  const open = bars(p.stages.map((s) => ({ label: s.stage, value: s.weighted, back: s.amount, note: `${s.count} · ${money(s.amount, c)}` })), '#2f6fdf', 'open amount by stage');
  const funnel = bars([
    ...p.conversion.map((cv) => ({ label: cv.from, value: cv.reached, note: `${cv.reached} reached` })),
    ...p.conversion.slice(-1).map((cv) => ({ label: cv.to, value: cv.advanced, note: `${cv.advanced} reached` })),
  ], '#7a4fd6', 'deals that reached each stage');
  const forecast = bars(p.forecast.map((f, i) => ({
    label: f.period, value: f.weighted, back: f.amount,
    note: `${fig(`forecast.${i}.weighted`, f.weighted, money(f.weighted, c))} of ${fig(`forecast.${i}.amount`, f.amount, money(f.amount, c))}`,
  })), '#1f9d74', 'weighted forecast by month');
  const quarters = p.forecast_quarters.map((q, i) => `${esc(q.period)}: ${fig(`forecast_quarters.${i}.weighted`, q.weighted, money(q.weighted, c))} of ${money(q.amount, c)}`).join(' · ');
  const stageRows = p.stages.map((s, i) => [
    esc(s.stage), fig(`stages.${i}.count`, s.count, String(s.count)), fig(`stages.${i}.amount`, s.amount, money(s.amount, c)),
    fig(`stages.${i}.weighted`, s.weighted, money(s.weighted, c)), fig(`stages.${i}.probability`, s.probability, `${Math.round(s.probability * 100)}%`),
  ]);
  const conversionRows = p.conversion.map((cv, i) => {
    const d = p.stage_days.find((s) => s.stage === cv.from);
    return [`${esc(cv.from)} → ${esc(cv.to)}`, fig(`conversion.${i}.rate`, cv.rate, pct(cv.rate)), `${cv.advanced}/${cv.reached}`, d ? days(d.mean_days) : 'n/a'];
  });
  const influenceRows = inf.referrers.map((r, i) => [
    `${esc(r.name)}${r.customer ? ' <small>customer</small>' : ''}`, esc(r.org ?? ''), r.owner ? `@${esc(r.owner)}` : '',
    fig(`influence.referrers.${i}.direct.amount`, r.direct.amount, money(r.direct.amount, inf.currency)),
    fig(`influence.referrers.${i}.chain.amount`, r.chain.amount, money(r.chain.amount, inf.currency)),
    fig(`influence.referrers.${i}.chain.max_depth`, r.chain.max_depth, String(r.chain.max_depth)),
    money(r.open.amount, inf.currency),
  ]);
  const credit = [
    ...inf.orgs.map((o) => `${esc(o.org)} ${money(o.amount, inf.currency)}`),
    ...inf.owners.map((o) => `@${esc(o.owner)} ${money(o.amount, inf.currency)}`),
  ].join(' · ');
  const stale = p.stale.map((s) => `<li><b>${esc(s.title)}</b>: no activity for ${s.days} days (since ${esc(s.last_activity)})${s.owner ? `, @${esc(s.owner)}` : ''}</li>`).join('');
  const reasons = p.lost_reasons.map((l) => `<li>${esc(l.reason)} (${l.count})</li>`).join('');
  const velocity = p.velocity === null ? 'n/a' : `${money(p.velocity, c)} per day`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.team)}: pipeline report</title>
<style>
:root{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f6f7fb;line-height:1.35}
body{margin:0 auto;max-width:960px;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.1rem;margin:0 0 .6em}
.sub{color:#5b6475;margin:0 0 1em}
/* six figure cards: one row on a wide screen, two rows of three in print, three of two on a phone */
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin-bottom:14px}
@media (min-width:880px){.cards{grid-template-columns:repeat(6,1fr)}}
.card{background:#fff;border-radius:10px;padding:12px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:1.25rem;margin-top:4px}
section{background:#fff;border-radius:10px;padding:14px;margin-bottom:14px;box-shadow:0 1px 2px #0002;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin-top:10px}td,th{padding:6px 8px;border-bottom:1px solid #e5e8ef;text-align:right;white-space:nowrap}
td:first-child,th:first-child{text-align:left}th{color:#5b6475;font-weight:600}
.bars{display:grid;grid-template-columns:minmax(5em,max-content) minmax(60px,1fr) max-content;gap:6px 10px;align-items:center;font-size:.9rem}
.bar{display:contents}.bar svg{width:100%;height:16px;display:block}.bar .l{overflow-wrap:anywhere}.bar .v{color:#5b6475;white-space:nowrap}
.note,.none{color:#5b6475;font-size:.9rem}
small{color:#1f9d74;font-weight:600}
@media (max-width:560px){
 body{padding:10px}.cards{grid-template-columns:repeat(2,1fr)}
 .bars{grid-template-columns:minmax(4.5em,max-content) 1fr}.bar .v{grid-column:2;margin-top:-4px}
 table,tbody,tr,td{display:block}thead{display:none}
 tr{border-bottom:1px solid #e5e8ef;padding:4px 0}td{border:0;padding:2px 0;text-align:right;white-space:normal}
 td::before{content:attr(data-label);float:left;color:#5b6475;font-weight:600;padding-right:1em}
 td:first-child{font-weight:600;text-align:left}td:first-child::before{content:none}
}
@media print{:root{background:#fff}body{max-width:none}section,.card{box-shadow:none;border:1px solid #ccd;break-inside:avoid}section{overflow:visible}td,th{white-space:normal}.bar svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
</style></head><body>
<h1>${esc(opts.team)}: pipeline</h1>
<p class="sub">Generated ${esc(opts.generated)} · amounts in ${esc(c)} · closed deals in ${esc(p.period.label)} (${esc(p.period.from)} to ${esc(p.period.to)})</p>
<div class="cards">
<div class="card">Open deals<b>${fig('open.count', p.open.count, String(p.open.count))}</b></div>
<div class="card">Open amount<b>${fig('open.amount', p.open.amount, money(p.open.amount, c))}</b></div>
<div class="card">Weighted<b>${fig('open.weighted', p.open.weighted, money(p.open.weighted, c))}</b></div>
<div class="card">Won<b>${fig('won.amount', p.won.amount, money(p.won.amount, c))}</b>${fig('won.count', p.won.count, String(p.won.count))} deal${p.won.count === 1 ? '' : 's'}</div>
<div class="card">Win rate<b>${fig('win_rate', p.win_rate, pct(p.win_rate))}</b>${fig('win_rate_amount', p.win_rate_amount, pct(p.win_rate_amount))} by amount</div>
<div class="card">Cycle time<b>${fig('cycle_days.mean', p.cycle_days.mean, days(p.cycle_days.mean))}</b>median ${fig('cycle_days.median', p.cycle_days.median, days(p.cycle_days.median))}</div>
</div>
<section><h2>Open deals by stage</h2>${open}
<p class="note">Dark: weighted by probability; light: the full amount.</p>
${table(['Stage', 'Deals', 'Amount', 'Weighted', 'Probability'], stageRows)}</section>
<section><h2>Stage funnel</h2>${funnel}
<p class="note">Deals that reached each stage, a skipped stage counting as passed.</p>
${table(['Step', 'Rate', 'Advanced', 'Mean days in stage'], conversionRows)}</section>
<section><h2>Forecast by expected close month</h2>${forecast}
${quarters ? `<p class="note">By quarter: ${quarters}</p>` : ''}</section>
<section><h2>Won and lost in ${esc(p.period.label)}</h2>
<p>Won ${p.won.count} deal${p.won.count === 1 ? '' : 's'} (${money(p.won.amount, c)}); lost ${fig('lost.count', p.lost.count, String(p.lost.count))} deal${p.lost.count === 1 ? '' : 's'} (${fig('lost.amount', p.lost.amount, money(p.lost.amount, c))})${reasons ? ', because:' : '.'}</p>${reasons ? `<ul>${reasons}</ul>` : ''}
<p>Win rate ${pct(p.win_rate)} by count, ${pct(p.win_rate_amount)} by amount; cycle time from creation to won ${days(p.cycle_days.mean)} mean, ${days(p.cycle_days.median)} median.</p>
<p>Sales velocity: ${fig('velocity', p.velocity, velocity)}</p></section>
<section><h2>Referral influence</h2>${influenceRows.length
    ? `${table(['Referrer', 'Org', 'Owner', 'Won directly', 'Won through chain', 'Depth', 'Open'], influenceRows)}${credit ? `<p class="note">Credited: ${credit}</p>` : ''}`
    : '<p class="none">No referrals yet.</p>'}</section>
<section><h2>Stale deals</h2>${stale ? `<p>${fig('stale.length', p.stale.length, String(p.stale.length))} open deal${p.stale.length === 1 ? '' : 's'} without activity:</p><ul>${stale}</ul>` : `<p class="none">None: every open deal saw activity in the stale interval (${fig('stale.length', 0, '0')} stale).</p>`}</section>
</body></html>
`;
}
