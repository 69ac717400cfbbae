// `kith move DEAL STAGE`: a stage change, kept in the deal's history with its date, and one
// commit. `kith won` and `kith lost` are this command with the stage fixed.
import type { Deal } from '../core/model/index.js';
import { planMove } from '../core/pipeline/index.js';
import { localDate, parseWhen } from '../core/time/index.js';
import { clean } from '../render/text/paint.js';
import { applyEdit } from '../store/repo.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec, OptionSpec } from './spec.js';

export const AT_OPTION: OptionSpec = { flags: '--at <when>', help: 'when it happened (default today)' };

export const spec: CommandSpec = {
  args: [
    { name: '<deal>', help: 'the deal' },
    { name: '<stage>', help: 'the stage it enters' },
  ],
  options: [AT_OPTION],
};

export interface MoveOptions {
  readonly deal: string;
  readonly stage: string;
  readonly at?: string;
  readonly amount?: string;
  readonly reason?: string;
}

export async function run(opts: MoveOptions, env: Env) {
  return withRepoExcerpts(env, 'move', async (repo) => {
    const deal = repo.resolve(opts.deal, ['deal']) as Deal;
    const today = localDate(env.now, env.zone);
    const at = opts.at
      ? (await parseWhen(opts.at, { now: env.now, zone: env.zone, toward: 'past', flag: '--at' })).date
      : today;
    const { changes, summary, action } = planMove(deal, { ...opts, at, today }, repo.settings);
    await applyEdit(repo, deal.path, { changes, summary, action });
    env.out.write(`${clean(deal.title)}: ${deal.stage} → ${opts.stage} on ${at}\n`);
    return { deal: deal.slug, from: deal.stage, to: opts.stage, at };
  });
}
