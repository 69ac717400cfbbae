// `kith influence`: who brought us business, directly and through the people they introduced.
import { buildInfluence } from '../core/pipeline/index.js';
import { renderInfluence } from '../render/text/influence.js';
import { printJson } from '../render/text/paint.js';
import { openRepo, type Env } from './env.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [{ flags: '--currency <code>', help: 'report in this currency' }, JSON_OPTION],
};

export interface InfluenceOptions {
  readonly json?: boolean;
  readonly currency?: string;
}

export async function run(opts: InfluenceOptions, env: Env) {
  // referrals are front matter only: the index cache's excerpts hold all of it, no timeline is read
  const { data } = await openRepo(env, { excerpts: true });
  const report = buildInfluence(data, { currency: opts.currency });
  if (opts.json) printJson(env.out, report);
  else env.out.write(renderInfluence(env.out, report));
  return report;
}
