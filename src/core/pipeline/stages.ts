// A deal's stages: when it started and closed, its ordered history, its probability and
// what a move to another stage does. Pure.
import { UsageError } from '../model/errors.js';
import { checkStage } from '../model/new-records.js';
import type { Deal, IsoDate, StageChange, TeamSettings } from '../model/types.js';
import { isIsoDate } from '../time/calendar.js';

/** The date a deal was won or lost: its last history entry in that stage, else its close date. */
export function closedOn(d: Deal): IsoDate | undefined {
  return [...d.history].reverse().find((h) => h.stage === d.stage)?.at ?? d.close ?? d.created;
}

export function startedOn(d: Deal): IsoDate | undefined {
  return d.created ?? d.history[0]?.at;
}

export function probabilityOf(d: Deal, settings: TeamSettings): number {
  return d.probability ?? settings.stages.find((s) => s.name === d.stage)?.probability ?? 0;
}

/** History sorted by date; the created date counts as entering the first stage. */
export function stageHistory(d: Deal): StageChange[] {
  const h = [...d.history].sort((a, b) => a.at.localeCompare(b.at));
  if (!h.length && startedOn(d)) h.push({ stage: d.stage, at: startedOn(d)! });
  return h;
}

export interface DealMove {
  readonly stage: string;
  readonly history: StageChange[];
}

/** The new stage fields after a move: history gains an entry (a reopened deal too). */
export function moveDeal(d: Deal, stage: string, at: IsoDate, settings: TeamSettings): DealMove {
  checkStage(settings, stage);
  if (!isIsoDate(at)) throw new UsageError(`"${at}" is not a real date`);
  if (stage === d.stage) throw new UsageError(`${d.slug} is already in ${stage}`);
  // appended as it happens: the file keeps the order of events even when one is back-dated
  const history = d.history.length ? [...d.history] : stageHistory(d);
  return { stage, history: [...history, { stage, at }] };
}
