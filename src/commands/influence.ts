// `kith influence`: who brought us business, directly and through the people they introduced.
import { buildInfluence } from '../core/influence.js';
import { clean, openRepo, paint, printJson, type Env } from './env.js';
import { money } from './pipeline.js';

export interface InfluenceOptions {
  readonly json?: boolean;
  readonly currency?: string;
}

export async function run(opts: InfluenceOptions, env: Env) {
  const { data } = openRepo(env);
  const report = buildInfluence(data, { currency: opts.currency });
  if (opts.json) {
    printJson(env.out, report);
    return report;
  }
  const out = env.out;
  const c = report.currency;
  if (!report.referrers.length) {
    out.write('No referrals yet: set referred_by on a deal or a contact to credit who brought them.\n');
    return report;
  }
  const lines = [paint(out, 'bold', 'Referral influence')];
  for (const r of report.referrers) {
    lines.push('', `${paint(out, 'bold', clean(r.name))}${r.org ? ` (${r.org})` : ''}${r.customer ? ' · customer' : ''}${r.owner ? `  @${r.owner}` : ''}`);
    lines.push(`  won through them: ${money(r.chain.amount, c)} in ${r.chain.count} deal${r.chain.count === 1 ? '' : 's'} (${money(r.direct.amount, c)} directly)${r.chain.max_depth > 1 ? `, chain ${r.chain.max_depth} deep` : ''}`);
    if (r.open.count) lines.push(`  open pipeline through them: ${money(r.open.amount, c)} in ${r.open.count} deal${r.open.count === 1 ? '' : 's'}`);
    for (const d of r.deals) lines.push(`    ${'  '.repeat(d.depth - 1)}${d.depth > 1 ? `via ${d.via.join(' → ')}: ` : ''}${clean(d.title)} — ${d.stage}, ${money(d.amount, c)}`);
  }
  if (report.orgs.length) lines.push('', `Credited to orgs: ${report.orgs.map((o) => `${o.org} ${money(o.amount, c)}`).join(' · ')}`);
  if (report.owners.length) lines.push(`Credited to owners: ${report.owners.map((o) => `@${o.owner} ${money(o.amount, c)}`).join(' · ')}`);
  out.write(`${lines.join('\n')}\n`);
  return report;
}
