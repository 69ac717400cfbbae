// A deal's stages: when it started and closed, its ordered history, its probability and
// what a move to another stage does. Pure.
import { UsageError } from '../model/errors.js';
import { quotePath } from '../model/terminal.js';
import { parseAmount } from '../model/input.js';
import { LOST, WON } from '../model/records.js';
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
  if (stage === d.stage) throw new UsageError(`${quotePath(d.slug)} is already in ${stage}`);
  // appended as it happens: the file keeps the order of events even when one is back-dated
  const history = d.history.length ? [...d.history] : stageHistory(d);
  return { stage, history: [...history, { stage, at }] };
}

export interface MovePlan {
  /** The deal's field changes: stage and history, the close date when it closes, the loss reason. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** The commit's summary: "win Acme SSO", "lose Acme SSO (price)", "move to proposal: Acme SSO". */
  readonly summary: string;
  /** The Kith-Action trailer: won, lost or move. */
  readonly action: string;
}

const VERBS: Record<string, { verb: string; action: string }> = {
  [WON]: { verb: 'win', action: 'won' },
  [LOST]: { verb: 'lose', action: 'lost' },
};

/**
 * A stage change happens after the deal was created and after its previous change, and not
 * later than today: otherwise its cycle time would be negative or its history out of order.
 */
function checkMoveDate(d: Deal, at: IsoDate, today: IsoDate): void {
  if (at > today)
    throw new UsageError(`${quotePath(d.slug)} cannot change stage on ${at}: that is after today (${today})`);
  const started = startedOn(d);
  if (started && at < started) {
    throw new UsageError(
      `${quotePath(d.slug)} cannot change stage on ${at}: it was created on ${started}`,
      `give --at ${started} or later`,
    );
  }
  const last = [...d.history].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (last && at < last.at) {
    throw new UsageError(
      `${quotePath(d.slug)} cannot change stage on ${at}: it entered ${last.stage} on ${last.at}`,
      `give --at ${last.at} or later`,
    );
  }
}

/** Everything a move changes: a won or lost deal closes that day, a lost one says why, a reopened one forgets why. */
export function planMove(
  d: Deal,
  move: { stage: string; at: IsoDate; today: IsoDate; reason?: string; amount?: string },
  settings: TeamSettings,
): MovePlan {
  checkStage(settings, move.stage);
  checkMoveDate(d, move.at, move.today);
  const reason = move.reason?.trim();
  if (move.stage === LOST && !reason) {
    throw new UsageError('say why the deal was lost: --reason "..."', 'the reasons are counted in kith pipeline');
  }
  const changes: Record<string, unknown> = { ...moveDeal(d, move.stage, move.at, settings) };
  if (move.stage === WON || move.stage === LOST) changes.close = move.at;
  if (move.stage === LOST) changes.lost_reason = reason;
  else if (d.lost_reason) changes.lost_reason = undefined; // reopened after a loss
  if (move.amount !== undefined) changes.amount = parseAmount(move.amount);
  const { verb, action } = VERBS[move.stage] ?? { verb: `move to ${move.stage}:`, action: 'move' };
  return { changes, summary: `${verb} ${d.title}${move.stage === LOST ? ` (${reason})` : ''}`, action };
}
