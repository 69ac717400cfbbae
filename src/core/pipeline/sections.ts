// The sections of the pipeline report, one function each: open stages, forecast, deals won
// and lost in the period, conversion, time in stage, velocity, stale deals, breakdowns. Pure.
import { lastDealActivity } from '../conversation/relations.js';
import { UsageError } from '../model/errors.js';
import { isOpenDeal, LOST, WON } from '../model/records.js';
import type { Deal, IsoDate, RepoData, TeamSettings } from '../model/types.js';
import { daysBetween } from '../time/calendar.js';
import { dealValue, round2 } from './money.js';
import type { Period } from './period.js';
import { closedOn, probabilityOf, stageHistory, startedOn } from './stages.js';

export interface Money {
  readonly count: number;
  readonly amount: number;
}

/** What every section reads: the deals, the settings, the report currency, the period and today. */
export interface Context {
  readonly deals: readonly Deal[];
  readonly settings: TeamSettings;
  readonly currency: string;
  readonly period: Period;
  readonly today: IsoDate;
}

// unrounded: JSON carries the exact figure, and only text rounds it for reading
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

const value = (ctx: Context, d: Deal) => dealValue(d, ctx.settings, ctx.currency);

/** The stages a deal can be in before it is won, in kith.yaml's order; `withWon` adds won. */
function stageNames(settings: TeamSettings, withWon: boolean): string[] {
  return settings.stages.map((s) => s.name).filter((s) => s !== LOST && (withWon || s !== WON));
}

export function openTotals(deals: readonly Deal[], settings: TeamSettings, currency: string) {
  const open = deals.filter(isOpenDeal);
  const amount = open.reduce((s, d) => s + dealValue(d, settings, currency), 0);
  const weighted = open.reduce((s, d) => s + dealValue(d, settings, currency) * probabilityOf(d, settings), 0);
  return { count: open.length, amount: round2(amount), weighted: round2(weighted) };
}

function closedIn(deals: readonly Deal[], stage: string, period: Period): Deal[] {
  return deals.filter(
    (d) => d.stage === stage && (closedOn(d) ?? '') >= period.from && (closedOn(d) ?? '') <= period.to,
  );
}

function sum(ctx: Context, deals: readonly Deal[]): Money {
  return { count: deals.length, amount: round2(deals.reduce((s, d) => s + value(ctx, d), 0)) };
}

export function openStages(ctx: Context) {
  return stageNames(ctx.settings, false).map((stage) => {
    const inStage = ctx.deals.filter((d) => d.stage === stage);
    return {
      stage,
      count: inStage.length,
      amount: round2(inStage.reduce((s, d) => s + value(ctx, d), 0)),
      weighted: round2(inStage.reduce((s, d) => s + value(ctx, d) * probabilityOf(d, ctx.settings), 0)),
      probability: ctx.settings.stages.find((s) => s.name === stage)!.probability,
    };
  });
}

export const quarterOf = (d: Deal) =>
  d.close ? `${d.close.slice(0, 4)}-Q${Math.floor((Number(d.close.slice(5, 7)) - 1) / 3) + 1}` : 'no close date';

/** Open deals by expected close period (month or quarter), weighted by probability. */
export function forecast(ctx: Context, key: (d: Deal) => string) {
  const map = new Map<string, { period: string; count: number; amount: number; weighted: number }>();
  for (const d of ctx.deals.filter(isOpenDeal)) {
    const k = key(d);
    const row = map.get(k) ?? { period: k, count: 0, amount: 0, weighted: 0 };
    row.count++;
    row.amount = round2(row.amount + value(ctx, d));
    row.weighted = round2(row.weighted + value(ctx, d) * probabilityOf(d, ctx.settings));
    map.set(k, row);
  }
  return [...map.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Deals won and lost in the period: totals, win rate, cycle time, why deals were lost. */
export function closedDeals(ctx: Context) {
  const won = closedIn(ctx.deals, WON, ctx.period);
  const lost = closedIn(ctx.deals, LOST, ctx.period);
  const wonMoney = sum(ctx, won);
  const lostMoney = sum(ctx, lost);
  // a deal closed before it was created (a hand edit) has no cycle time to count
  const cycles = won.flatMap((d) => {
    const days = startedOn(d) && closedOn(d) ? daysBetween(startedOn(d)!, closedOn(d)!) : -1;
    return days >= 0 ? [days] : [];
  });
  const reasons = new Map<string, number>();
  for (const d of lost) {
    const reason = d.lost_reason || '(no reason given)';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    won,
    lost,
    cycles,
    figures: {
      won: wonMoney,
      lost: lostMoney,
      win_rate: ratio(won.length, won.length + lost.length),
      win_rate_amount: ratio(wonMoney.amount, wonMoney.amount + lostMoney.amount),
      cycle_days: { mean: mean(cycles), median: median(cycles) },
      lost_reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    },
  };
}

/** How many deals reached each stage and went on to the next; skipping a stage counts as passing it. */
export function conversion(ctx: Context) {
  const names = stageNames(ctx.settings, true);
  const furthest = (d: Deal) =>
    Math.max(-1, ...[...stageHistory(d).map((h) => h.stage), d.stage].map((s) => names.indexOf(s)));
  return names.slice(0, -1).map((from, k) => {
    const reached = ctx.deals.filter((d) => furthest(d) >= k).length;
    const advanced = ctx.deals.filter((d) => furthest(d) >= k + 1).length;
    return { from, to: names[k + 1]!, reached, advanced, rate: ratio(advanced, reached) };
  });
}

/** Mean days a deal spends in each open stage (an open deal's current stage counts up to today). */
export function stageDays(ctx: Context) {
  const durations = new Map<string, number[]>();
  for (const d of ctx.deals) {
    const h = stageHistory(d);
    h.forEach((entry, i) => {
      if (entry.stage === WON || entry.stage === LOST) return;
      const end = h[i + 1]?.at ?? (isOpenDeal(d) ? ctx.today : undefined);
      if (!end) return;
      durations.set(entry.stage, [...(durations.get(entry.stage) ?? []), daysBetween(entry.at, end)]);
    });
  }
  return stageNames(ctx.settings, false).map((stage) => ({
    stage,
    mean_days: mean(durations.get(stage) ?? []),
    deals: (durations.get(stage) ?? []).length,
  }));
}

/** Expected won amount per day: open deals × average won amount × win rate ÷ mean cycle days. */
export function velocity(ctx: Context, closed: ReturnType<typeof closedDeals>): number | null {
  const { won, lost, cycles } = closed;
  if (!won.length || !cycles.length) return null;
  const avgWon = closed.figures.won.amount / won.length;
  const winRate = won.length / (won.length + lost.length);
  const cycleMean = cycles.reduce((a, b) => a + b, 0) / cycles.length;
  return cycleMean ? round2((ctx.deals.filter(isOpenDeal).length * avgWon * winRate) / cycleMean) : null;
}

/** Open deals with no activity for the stale interval, longest silent first. */
export function staleDeals(data: RepoData, ctx: Context) {
  return ctx.deals
    .filter(isOpenDeal)
    .flatMap((d) => {
      const last = lastDealActivity(data, d);
      if (!last) return [];
      const days = daysBetween(last, ctx.today);
      // stale once the whole interval has passed, the day `kith due` raises it
      return days >= ctx.settings.followup.stale_days
        ? [{ deal: d.slug, title: d.title, owner: d.owner ?? null, last_activity: last, days }]
        : [];
    })
    .sort((a, b) => b.days - a.days);
}

const GROUP_KEYS = ['owner', 'org', 'source', 'tag'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** A breakdown key as typed (--by), or a usage error listing the ones there are. */
export function groupKey(text: string): GroupKey {
  if (!GROUP_KEYS.includes(text as GroupKey)) {
    throw new UsageError(`cannot group by "${text}"`, `one of ${GROUP_KEYS.join(', ')}`);
  }
  return text as GroupKey;
}

function groupKeys(d: Deal, by: GroupKey): string[] {
  if (by === 'tag') return d.tags.length ? [...d.tags] : ['(none)'];
  return [d[by] ?? '(none)'];
}

/** The open, won and lost totals and win rate of each owner, org, source or tag. */
export function groups(ctx: Context, by: GroupKey) {
  const keys = [...new Set(ctx.deals.flatMap((d) => groupKeys(d, by)))].sort();
  return keys.map((key) => {
    const mine = ctx.deals.filter((d) => groupKeys(d, by).includes(key));
    const w = closedIn(mine, WON, ctx.period);
    const l = closedIn(mine, LOST, ctx.period);
    return {
      key,
      open: openTotals(mine, ctx.settings, ctx.currency),
      won: sum(ctx, w),
      lost: sum(ctx, l),
      win_rate: ratio(w.length, w.length + l.length),
    };
  });
}
