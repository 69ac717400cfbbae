// Pipeline statistics: open stages, forecast, win rate, cycle time, conversion, time in
// stage, velocity and stale deals. Pure; the report is data in the shape its JSON takes.
import { lastDealActivity } from '../conversation/relations.js';
import { UsageError } from '../model/errors.js';
import { isOpenDeal, LOST, WON } from '../model/records.js';
import type { Deal, IsoDate, RepoData, TeamSettings } from '../model/types.js';
import { daysBetween } from '../time/calendar.js';
import { dealValue, round2 } from './money.js';
import { parsePeriod, type Period } from './period.js';
import { closedOn, probabilityOf, stageHistory, startedOn } from './stages.js';

interface Money {
  readonly count: number;
  readonly amount: number;
}

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

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const mean = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

function openTotals(deals: readonly Deal[], settings: TeamSettings, currency: string) {
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

function sum(deals: readonly Deal[], settings: TeamSettings, currency: string): Money {
  return { count: deals.length, amount: round2(deals.reduce((s, d) => s + dealValue(d, settings, currency), 0)) };
}

function groupKeys(d: Deal, by: 'owner' | 'org' | 'source' | 'tag'): string[] {
  switch (by) {
    case 'owner':
      return [d.owner ?? '(none)'];
    case 'org':
      return [d.org ?? '(none)'];
    case 'source':
      return [d.source ?? '(none)'];
    case 'tag':
      return d.tags.length ? [...d.tags] : ['(none)'];
  }
}

export interface PipelineOptions {
  readonly today: IsoDate;
  readonly period?: Period;
  readonly by?: 'owner' | 'org' | 'source' | 'tag';
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
  const deals = repo.deals;
  // every deal's currency is checked, not only the deals this period uses: the same
  // repository must not be fine for one --period and broken for another
  for (const d of deals) dealValue(d, settings, currency);
  const value = (d: Deal) => dealValue(d, settings, currency);
  const pipelineStages = settings.stages.map((s) => s.name).filter((s) => s !== LOST);
  const openStages = pipelineStages.filter((s) => s !== WON);

  const stages = openStages.map((stage) => {
    const inStage = deals.filter((d) => d.stage === stage);
    const probability = settings.stages.find((s) => s.name === stage)!.probability;
    return {
      stage,
      count: inStage.length,
      amount: round2(inStage.reduce((s, d) => s + value(d), 0)),
      weighted: round2(inStage.reduce((s, d) => s + value(d) * probabilityOf(d, settings), 0)),
      probability,
    };
  });

  const forecastBy = (key: (d: Deal) => string) => {
    const map = new Map<string, { period: string; count: number; amount: number; weighted: number }>();
    for (const d of deals.filter(isOpenDeal)) {
      const k = key(d);
      const row = map.get(k) ?? { period: k, count: 0, amount: 0, weighted: 0 };
      row.count++;
      row.amount = round2(row.amount + value(d));
      row.weighted = round2(row.weighted + value(d) * probabilityOf(d, settings));
      map.set(k, row);
    }
    return [...map.values()].sort((a, b) => a.period.localeCompare(b.period));
  };
  const month = (d: Deal) => d.close?.slice(0, 7) ?? 'no close date';
  const quarter = (d: Deal) =>
    d.close ? `${d.close.slice(0, 4)}-Q${Math.floor((Number(d.close.slice(5, 7)) - 1) / 3) + 1}` : 'no close date';

  const won = closedIn(deals, WON, period);
  const lost = closedIn(deals, LOST, period);
  const wonMoney = sum(won, settings, currency);
  const lostMoney = sum(lost, settings, currency);
  const cycles = won.flatMap((d) => (startedOn(d) && closedOn(d) ? [daysBetween(startedOn(d)!, closedOn(d)!)] : []));
  const cycleMean = mean(cycles);
  const exactCycleMean = cycles.length ? cycles.reduce((a, b) => a + b, 0) / cycles.length : null;
  const winRate = ratio(won.length, won.length + lost.length);

  const reasons = new Map<string, number>();
  for (const d of lost)
    reasons.set(d.lost_reason || '(no reason given)', (reasons.get(d.lost_reason || '(no reason given)') ?? 0) + 1);

  // A deal reached a stage if it was ever in it or in any later one: skipping counts as passing.
  const furthest = (d: Deal) =>
    Math.max(-1, ...[...stageHistory(d).map((h) => h.stage), d.stage].map((s) => pipelineStages.indexOf(s)));
  const conversion = pipelineStages.slice(0, -1).map((from, k) => {
    const reached = deals.filter((d) => furthest(d) >= k).length;
    const advanced = deals.filter((d) => furthest(d) >= k + 1).length;
    return { from, to: pipelineStages[k + 1]!, reached, advanced, rate: ratio(advanced, reached) };
  });

  const durations = new Map<string, number[]>();
  for (const d of deals) {
    const h = stageHistory(d);
    h.forEach((entry, i) => {
      if (entry.stage === WON || entry.stage === LOST) return;
      const end = h[i + 1]?.at ?? (isOpenDeal(d) ? opts.today : undefined);
      if (!end) return;
      durations.set(entry.stage, [...(durations.get(entry.stage) ?? []), daysBetween(entry.at, end)]);
    });
  }
  const stageDays = openStages.map((stage) => ({
    stage,
    mean_days: mean(durations.get(stage) ?? []),
    deals: (durations.get(stage) ?? []).length,
  }));

  const avgWon = won.length ? wonMoney.amount / won.length : null;
  const openCount = deals.filter(isOpenDeal).length;
  const exactWinRate = won.length + lost.length ? won.length / (won.length + lost.length) : null;
  // from the exact mean cycle: the one shown is rounded to a tenth of a day
  const velocity =
    avgWon !== null && exactWinRate !== null && exactCycleMean
      ? round2((openCount * avgWon * exactWinRate) / exactCycleMean)
      : null;

  const stale = deals
    .filter(isOpenDeal)
    .flatMap((d) => {
      const last = lastDealActivity(repo, d);
      if (!last) return [];
      const days = daysBetween(last, opts.today);
      // stale once the whole interval has passed, the day `kith due` raises it
      return days >= settings.followup.stale_days
        ? [{ deal: d.slug, title: d.title, owner: d.owner ?? null, last_activity: last, days }]
        : [];
    })
    .sort((a, b) => b.days - a.days);

  let groups: PipelineReport['groups'];
  if (opts.by) {
    const keys = [...new Set(deals.flatMap((d) => groupKeys(d, opts.by!)))].sort();
    groups = keys.map((key) => {
      const mine = deals.filter((d) => groupKeys(d, opts.by!).includes(key));
      const w = closedIn(mine, WON, period);
      const l = closedIn(mine, LOST, period);
      return {
        key,
        open: openTotals(mine, settings, currency),
        won: sum(w, settings, currency),
        lost: sum(l, settings, currency),
        win_rate: ratio(w.length, w.length + l.length),
      };
    });
  }

  return {
    currency,
    today: opts.today,
    period,
    open: openTotals(deals, settings, currency),
    stages,
    forecast: forecastBy(month),
    forecast_quarters: forecastBy(quarter),
    won: wonMoney,
    lost: lostMoney,
    win_rate: winRate,
    win_rate_amount: ratio(wonMoney.amount, wonMoney.amount + lostMoney.amount),
    cycle_days: { mean: cycleMean, median: median(cycles) },
    lost_reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    conversion,
    stage_days: stageDays,
    velocity,
    stale,
    ...(groups ? { groups } : {}),
  };
}
