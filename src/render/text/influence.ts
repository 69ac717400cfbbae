// `kith influence` for a terminal: each referrer, what came through them, and the credits.
import type { InfluenceReport, Referrer } from '../../core/pipeline/index.js';
import { plural } from '../../core/model/index.js';
import { formatMoney as money } from '../format.js';
import type { Output } from './output.js';
import { clean, paint } from './paint.js';

function referrerLines(out: Output, r: Referrer, c: string): string[] {
  const org = r.org ? ` (${clean(r.org)})` : '';
  const head = `${paint(out, 'bold', clean(r.name))}${org}${r.customer ? ' · customer' : ''}`;
  const chain = r.chain.max_depth > 1 ? `, chain ${r.chain.max_depth} deep` : '';
  const won = `won through them: ${money(r.chain.amount, c)} in ${plural(r.chain.count, 'deal')}`;
  const lines = [
    '',
    `${head}${r.owner ? `  @${clean(r.owner)}` : ''}`,
    `  ${won} (${money(r.direct.amount, c)} directly)${chain}`,
  ];
  if (r.open.count)
    lines.push(`  open pipeline through them: ${money(r.open.amount, c)} in ${plural(r.open.count, 'deal')}`);
  for (const d of r.deals) {
    const via = d.depth > 1 ? `via ${clean(d.via.join(' → '))}: ` : '';
    lines.push(`    ${'  '.repeat(d.depth - 1)}${via}${clean(d.title)} — ${clean(d.stage)}, ${money(d.amount, c)}`);
  }
  return lines;
}

export function renderInfluence(out: Output, report: InfluenceReport): string {
  const c = report.currency;
  if (!report.referrers.length) {
    return 'No referrals yet: set referred_by on a deal or a contact to credit who brought them.\n';
  }
  const lines = [paint(out, 'bold', 'Referral influence')];
  for (const r of report.referrers) lines.push(...referrerLines(out, r, c));
  if (report.orgs.length) {
    lines.push('', `Credited to orgs: ${report.orgs.map((o) => `${clean(o.org)} ${money(o.amount, c)}`).join(' · ')}`);
  }
  if (report.owners.length) {
    lines.push(
      `Credited to owners: ${report.owners.map((o) => `@${clean(o.owner)} ${money(o.amount, c)}`).join(' · ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
