// The pipeline and influence reports as one self-contained HTML page: inline CSS and SVG,
// no scripts, no network; readable on a phone and printable. Pure: data in, text out.
import type { InfluenceReport } from './influence.js';
import type { PipelineReport } from './pipeline.js';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (n: number, c: string) => `${Math.round(n).toLocaleString('en-US')} ${esc(c)}`;
const pct = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 1000) / 10}%`);

/** A figure the browser test reads back: data-figure names the JSON path it shows. */
const fig = (path: string, text: string) => `<span data-figure="${esc(path)}">${text}</span>`;

function bars(rows: { label: string; value: number; note: string }[], color: string): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const h = 28;
  const body = rows.map((r, i) => {
    const w = Math.round((r.value / max) * 300);
    return `<g transform="translate(0 ${i * h})"><text x="0" y="18" class="l">${esc(r.label)}</text>`
      + `<rect x="120" y="4" width="${w}" height="18" rx="3" fill="${color}"/>`
      + `<text x="${128 + w}" y="18" class="v">${esc(r.note)}</text></g>`;
  }).join('');
  return `<svg viewBox="0 0 600 ${Math.max(h, rows.length * h)}" role="img" preserveAspectRatio="xMinYMin meet">${body}</svg>`;
}

export function renderReportHtml(p: PipelineReport, inf: InfluenceReport, opts: { team: string; generated: string }): string {
  const c = p.currency;
  const funnel = bars(p.stages.map((s) => ({ label: s.stage, value: s.amount, note: `${s.count} · ${money(s.amount, c)}` })), '#2f6fdf');
  const forecast = bars(p.forecast.map((f) => ({ label: f.period, value: f.weighted, note: `${money(f.weighted, c)} of ${money(f.amount, c)}` })), '#1f9d74');
  const stageRows = p.stages.map((s, i) => `<tr><td>${esc(s.stage)}</td><td>${fig(`stages.${i}.count`, String(s.count))}</td><td>${fig(`stages.${i}.amount`, money(s.amount, c))}</td><td>${fig(`stages.${i}.weighted`, money(s.weighted, c))}</td><td>${Math.round(s.probability * 100)}%</td></tr>`).join('');
  const conversion = p.conversion.map((cv, i) => `<tr><td>${esc(cv.from)} → ${esc(cv.to)}</td><td>${fig(`conversion.${i}.rate`, pct(cv.rate))}</td><td>${cv.advanced}/${cv.reached}</td><td>${p.stage_days[i]?.mean_days ?? 'n/a'}</td></tr>`).join('');
  const influence = inf.referrers.map((r) => `<tr><td>${esc(r.name)}${r.customer ? ' <small>customer</small>' : ''}</td><td>${esc(r.org ?? '')}</td><td>${r.owner ? `@${esc(r.owner)}` : ''}</td><td>${money(r.direct.amount, inf.currency)}</td><td>${money(r.chain.amount, inf.currency)}</td><td>${r.chain.max_depth}</td><td>${money(r.open.amount, inf.currency)}</td></tr>`).join('');
  const stale = p.stale.map((s) => `<li><b>${esc(s.title)}</b>: no activity for ${s.days} days (since ${esc(s.last_activity)})${s.owner ? `, @${esc(s.owner)}` : ''}</li>`).join('');
  const reasons = p.lost_reasons.map((l) => `<li>${esc(l.reason)} (${l.count})</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.team)} — pipeline report</title>
<style>
:root{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f6f7fb}
body{margin:0 auto;max-width:960px;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.1rem;margin:0 0 .6em}
.sub{color:#5b6475;margin:0 0 1em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin-bottom:14px}
.card{background:#fff;border-radius:10px;padding:12px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:1.25rem;margin-top:4px}
section{background:#fff;border-radius:10px;padding:14px;margin-bottom:14px;box-shadow:0 1px 2px #0002;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{padding:6px 8px;border-bottom:1px solid #e5e8ef;text-align:right;white-space:nowrap}
td:first-child,th:first-child{text-align:left}th{color:#5b6475;font-weight:600}
svg{width:100%;height:auto;max-width:600px}svg .l{font-size:13px;fill:#1d2330}svg .v{font-size:12px;fill:#5b6475}
small{color:#1f9d74;font-weight:600}
@media print{:root{background:#fff}section,.card{box-shadow:none;border:1px solid #ccd;break-inside:avoid}}
</style></head><body>
<h1>${esc(opts.team)}: pipeline</h1>
<p class="sub">Generated ${esc(opts.generated)} · amounts in ${esc(c)} · closed deals in ${esc(p.period.label)} (${esc(p.period.from)} to ${esc(p.period.to)})</p>
<div class="cards">
<div class="card">Open deals<b>${fig('open.count', String(p.open.count))}</b></div>
<div class="card">Open amount<b>${fig('open.amount', money(p.open.amount, c))}</b></div>
<div class="card">Weighted<b>${fig('open.weighted', money(p.open.weighted, c))}</b></div>
<div class="card">Won<b>${fig('won.amount', money(p.won.amount, c))}</b>${fig('won.count', String(p.won.count))} deal${p.won.count === 1 ? '' : 's'}</div>
<div class="card">Win rate<b>${fig('win_rate', pct(p.win_rate))}</b>${pct(p.win_rate_amount)} by amount</div>
<div class="card">Cycle time<b>${fig('cycle_days.mean', p.cycle_days.mean === null ? 'n/a' : `${p.cycle_days.mean} d`)}</b>median ${p.cycle_days.median ?? 'n/a'} d</div>
</div>
<section><h2>Stage funnel (open deals)</h2>${funnel}
<table><thead><tr><th>Stage</th><th>Deals</th><th>Amount</th><th>Weighted</th><th>Probability</th></tr></thead><tbody>${stageRows}</tbody></table></section>
<section><h2>Forecast by expected close month (weighted)</h2>${forecast}</section>
<section><h2>Conversion and time in stage</h2><table><thead><tr><th>Step</th><th>Rate</th><th>Advanced</th><th>Mean days in stage</th></tr></thead><tbody>${conversion}</tbody></table>
<p>Lost: ${fig('lost.count', String(p.lost.count))} deal${p.lost.count === 1 ? '' : 's'}${reasons ? ', because:' : '.'}</p>${reasons ? `<ul>${reasons}</ul>` : ''}
<p>Sales velocity: ${p.velocity === null ? 'n/a' : `${money(p.velocity, c)} per day`}</p></section>
<section><h2>Referral influence</h2>${influence ? `<table><thead><tr><th>Referrer</th><th>Org</th><th>Owner</th><th>Won directly</th><th>Won through chain</th><th>Depth</th><th>Open</th></tr></thead><tbody>${influence}</tbody></table>` : '<p>No referrals yet.</p>'}</section>
<section><h2>Stale deals</h2>${stale ? `<ul>${stale}</ul>` : '<p>None: every open deal moved in the last weeks.</p>'}</section>
</body></html>
`;
}
