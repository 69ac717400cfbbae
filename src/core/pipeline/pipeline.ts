// Pipeline statistics: open stages, forecast, win rate, cycle time, conversion, time in
// stage, velocity and stale deals. Pure; the report is data in the shape its JSON takes.
import { UsageError } from '../model/errors.js';
import type { IsoDate, RepoData } from '../model/types.js';
import { dealValue } from './money.js';
import { parsePeriod, type Period } from './period.js';
import {
  closedDeals,
  conversion,
  forecast,
  groups,
  openStages,
  openTotals,
  quarterOf,
  staleDeals,
  stageDays,
  velocity,
  type Context,
  type GroupKey,
  type Money,
} from './sections.js';

export { groupKey } from './sections.js';

export interface PipelineReport {
  readonly currency: string;
  readonly today: IsoDate;
  readonly period: Period;
  readonly open: Money & { readonly weighted: number };
  readonly stages: readonly { stage: string; count: number; amount: number; weighted: number; probability: number }[];
  readonly forecast: readonly { period: string; count: number; amount: number; weighted: number }[];
  readonly forecast_quarters: readonly { period: string; count: number; amount: number; weighted: number }[];
  readonly won: Money;
  readonly lost: Money;
  readonly win_rate: number | null;
  readonly win_rate_amount: number | null;
  readonly cycle_days: { readonly mean: number | null; readonly median: number | null };
  readonly lost_reasons: readonly { reason: string; count: number }[];
  readonly conversion: readonly { from: string; to: string; reached: number; advanced: number; rate: number | null }[];
  readonly stage_days: readonly { stage: string; mean_days: number | null; deals: number }[];
  /** Expected won amount per day: open deals × average won amount × win rate ÷ mean cycle days. */
  readonly velocity: number | null;
  readonly stale: readonly {
    deal: string;
    title: string;
    owner: string | null;
    last_activity: IsoDate;
    days: number;
  }[];
  readonly groups?: readonly {
    key: string;
    open: Money & { weighted: number };
    won: Money;
    lost: Money;
    win_rate: number | null;
  }[];
}

export interface PipelineOptions {
  readonly today: IsoDate;
  readonly period?: Period;
  readonly by?: GroupKey;
  readonly currency?: string;
}

export function buildPipeline(repo: RepoData, opts: PipelineOptions): PipelineReport {
  const { settings } = repo;
  const currency = (opts.currency ?? settings.currency).toUpperCase();
  if (currency !== settings.currency && settings.rates[currency] === undefined) {
    throw new UsageError(
      `kith.yaml has no rate for ${currency}`,
      `one of ${[settings.currency, ...Object.keys(settings.rates)].join(', ')}`,
    );
  }
  const period = opts.period ?? parsePeriod(opts.today.slice(0, 4), opts.today);
  // every deal's currency is checked, not only the deals this period uses: the same
  // repository must not be fine for one --period and broken for another
  for (const d of repo.deals) dealValue(d, settings, currency);
  const ctx: Context = { deals: repo.deals, settings, currency, period, today: opts.today };
  const closed = closedDeals(ctx);
  return {
    currency,
    today: opts.today,
    period,
    open: openTotals(repo.deals, settings, currency),
    stages: openStages(ctx),
    forecast: forecast(ctx, (d) => d.close?.slice(0, 7) ?? 'no close date'),
    forecast_quarters: forecast(ctx, quarterOf),
    ...closed.figures,
    conversion: conversion(ctx),
    stage_days: stageDays(ctx),
    velocity: velocity(ctx, closed),
    stale: staleDeals(repo, ctx),
    ...(opts.by ? { groups: groups(ctx, opts.by) } : {}),
  };
}
