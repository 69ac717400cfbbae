// `kith move DEAL STAGE`, `kith won DEAL`, `kith lost DEAL --reason`: a stage change, kept in
// the deal's history with its date, and one commit.
import { localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { LOST, moveDeal, WON } from '../core/pipeline.js';
import { resolveRef } from '../core/resolve.js';
import type { Deal } from '../core/types.js';
import { parseWhen } from '../core/when.js';
import { editFields } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface MoveOptions {
  readonly deal: string;
  readonly stage: string;
  readonly at?: string;
  readonly amount?: string;
  readonly reason?: string;
}

export async function run(opts: MoveOptions, env: Env) {
  const repo = openRepo(env);
  const deal = resolveRef(repo.data, opts.deal, ['deal']) as Deal;
  const at = opts.at ? (await parseWhen(opts.at, { now: env.now, zone: env.zone, forward: false })).date : localDate(env.now, env.zone);
  if (opts.stage === LOST && !opts.reason?.trim()) throw new UsageError('say why the deal was lost: --reason "..."', 'the reasons are counted in kith pipeline');
  const moved = moveDeal(deal, opts.stage, at, repo.data.settings);
  const changes: Record<string, unknown> = { stage: moved.stage, history: moved.history };
  if (opts.stage === WON || opts.stage === LOST) changes.close = at;
  if (opts.stage === LOST) changes.lost_reason = opts.reason!.trim();
  else if (deal.lost_reason) changes.lost_reason = undefined; // reopened after a loss
  if (opts.amount !== undefined) {
    const amount = Number(opts.amount.replace(/[_,\s]/g, ''));
    if (!Number.isFinite(amount)) throw new UsageError(`amount must be a number, not "${opts.amount}"`);
    changes.amount = amount;
  }
  const verb = opts.stage === WON ? 'win' : opts.stage === LOST ? 'lose' : `move to ${opts.stage}:`;
  await editFields(repo, deal, changes, `${verb} ${deal.title}${opts.stage === LOST ? ` (${opts.reason!.trim()})` : ''}`, opts.stage === WON ? 'won' : opts.stage === LOST ? 'lost' : 'move');
  env.out.write(`${clean(deal.title)}: ${deal.stage} → ${opts.stage} on ${at}\n`);
  return { deal: deal.slug, from: deal.stage, to: opts.stage, at };
}
