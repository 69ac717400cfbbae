import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/core/check/index.js';
import { KithError, UsageError } from '../../../src/core/model/index.js';
import { buildPipeline, moveDeal, parsePeriod } from '../../../src/core/pipeline/index.js';
import type { Deal, RepoData } from '../../../src/core/model/index.js';
import { readRecord } from '../../../src/store/records.js';
import { readSettings } from '../../../src/store/settings.js';
import { conversation, deal, entry, repo, settings } from '../../helpers/records.js';

const FIXTURE = new URL('../../fixtures/pipeline', import.meta.url).pathname;
const today = '2026-11-25';

/** The fixture read file by file with the same readers the store uses. */
function loadFixture(): RepoData {
  const { settings: s, problems } = readSettings(parse(readFileSync(join(FIXTURE, 'kith.yaml'), 'utf8')));
  expect(problems).toEqual([]);
  const deals = readdirSync(join(FIXTURE, 'deals')).sort().map((name) => {
    const path = `deals/${name}`;
    const r = readRecord(path, readFileSync(join(FIXTURE, path), 'utf8'));
    expect(r.problems).toEqual([]);
    return r.record as Deal;
  });
  return { ...repo({ settings: s }), deals };
}

const q4 = parsePeriod('2026-Q4', today);

// Every figure below is worked out by hand in tests/fixtures/pipeline/EXPECTED.md.
describe('the pipeline of the hand-worked fixture', () => {
  const p = buildPipeline(loadFixture(), { today, period: q4 });

  it('totals the open deals per stage, weighted by the stage or the deal\'s own probability', () => {
    expect(p.currency).toBe('EUR');
    expect(p.period).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' });
    expect(p.open).toEqual({ count: 4, amount: 73000, weighted: 47250 });
    expect(p.stages).toEqual([
      { stage: 'lead', count: 1, amount: 10000, weighted: 1000, probability: 0.1 },
      { stage: 'qualified', count: 1, amount: 5000, weighted: 1250, probability: 0.25 },
      { stage: 'proposal', count: 1, amount: 18000, weighted: 9000, probability: 0.5 },
      { stage: 'negotiation', count: 1, amount: 40000, weighted: 36000, probability: 0.75 },
    ]);
  });

  it('forecasts by expected close month and by quarter', () => {
    expect(p.forecast).toEqual([
      { period: '2026-12', count: 3, amount: 33000, weighted: 11250 },
      { period: '2027-01', count: 1, amount: 40000, weighted: 36000 },
    ]);
    expect(p.forecast_quarters).toEqual([
      { period: '2026-Q4', count: 3, amount: 33000, weighted: 11250 },
      { period: '2027-Q1', count: 1, amount: 40000, weighted: 36000 },
    ]);
  });

  it('counts what closed in the period: win rate by count and amount, cycle time, reasons', () => {
    expect(p.won).toEqual({ count: 2, amount: 42000 });
    expect(p.lost).toEqual({ count: 1, amount: 8000 });
    expect(p.win_rate).toBe(2 / 3); // unrounded: only text rounds
    expect(p.win_rate_amount).toBe(0.84);
    expect(p.cycle_days).toEqual({ mean: 70, median: 70 });
    expect(p.lost_reasons).toEqual([{ reason: 'price', count: 1 }]);
  });

  it('converts from each stage to the next, a skipped stage counting as passed', () => {
    expect(p.conversion).toEqual([
      { from: 'lead', to: 'qualified', reached: 7, advanced: 6, rate: 6 / 7 },
      { from: 'qualified', to: 'proposal', reached: 6, advanced: 4, rate: 4 / 6 },
      { from: 'proposal', to: 'negotiation', reached: 4, advanced: 3, rate: 0.75 },
      { from: 'negotiation', to: 'won', reached: 3, advanced: 2, rate: 2 / 3 },
    ]);
  });

  it('averages the days spent in each stage, open stages running to today', () => {
    expect(p.stage_days).toEqual([
      { stage: 'lead', mean_days: 27, deals: 7 },
      { stage: 'qualified', mean_days: 117 / 4, deals: 4 },
      { stage: 'proposal', mean_days: 101 / 3, deals: 3 },
      { stage: 'negotiation', mean_days: 42.5, deals: 2 },
    ]);
  });

  it('computes sales velocity and lists stale deals, the longest silent first', () => {
    expect(p.velocity).toBe(800);
    expect(p.stale).toEqual([
      { deal: 'charlie', title: 'Charlie', owner: 'maya', last_activity: '2026-10-01', days: 55 },
      { deal: 'bravo', title: 'Bravo', owner: 'tom', last_activity: '2026-10-15', days: 41 },
      { deal: 'golf', title: 'Golf', owner: 'maya', last_activity: '2026-10-20', days: 36 },
    ]);
    expect(p.groups).toBeUndefined();
  });

  it('survives a round trip through JSON unchanged: the report is the JSON', () => {
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('grouping and currencies', () => {
  it('groups by owner, source and tag', () => {
    const data = loadFixture();
    const byOwner = buildPipeline(data, { today, period: q4, by: 'owner' });
    expect(byOwner.groups).toEqual([
      { key: 'maya', open: { count: 3, amount: 55000, weighted: 38250 }, won: { count: 1, amount: 30000 }, lost: { count: 0, amount: 0 }, win_rate: 1 },
      { key: 'tom', open: { count: 1, amount: 18000, weighted: 9000 }, won: { count: 1, amount: 12000 }, lost: { count: 1, amount: 8000 }, win_rate: 0.5 },
    ]);
    const bySource = buildPipeline(data, { today, period: q4, by: 'source' });
    expect(bySource.groups!.map((g) => [g.key, g.open.count, g.won.count, g.lost.count])).toEqual([
      ['inbound', 2, 1, 0], ['outbound', 1, 0, 1], ['referral', 1, 1, 0],
    ]);
    const tagged = { ...data, deals: data.deals.map((d) => (d.slug === 'alpha' ? { ...d, tags: ['smb', 'eu'] } : d)) };
    expect(buildPipeline(tagged, { today, period: q4, by: 'tag' }).groups!.map((g) => [g.key, g.open.count])).toEqual([
      ['(none)', 3], ['eu', 1], ['smb', 1],
    ]);
  });

  it('reports in another currency through the rates: amount in X = amount / rate[X]', () => {
    const p = buildPipeline(loadFixture(), { today, period: q4, currency: 'usd' });
    expect(p.currency).toBe('USD');
    // 73,000 EUR / 0.9 = 81,111.11 USD; bravo's 20,000 USD stays 20,000
    expect(p.open.amount).toBe(81111.11);
    expect(p.stages[2]).toEqual({ stage: 'proposal', count: 1, amount: 20000, weighted: 10000, probability: 0.5 });
    expect(p.won.amount).toBe(46666.67);
  });

  it('refuses a reporting currency without a rate', () => {
    expect(() => buildPipeline(loadFixture(), { today, currency: 'GBP' })).toThrow(UsageError);
  });

  it('names the deal and the currency when a deal\'s currency has no rate', () => {
    const data = loadFixture();
    const withGbp = { ...data, deals: [...data.deals, deal('hotel', { stage: 'lead', amount: 100, currency: 'GBP', created: '2026-11-01' })] };
    expect(() => buildPipeline(withGbp, { today, period: q4 })).toThrow(KithError);
    expect(() => buildPipeline(withGbp, { today, period: q4 })).toThrow(/"hotel" is in GBP.*no rate for GBP/);
  });

  it('names a deal without a rate even when it closed outside the period asked for', () => {
    const data = loadFixture();
    const old = deal('india', { stage: 'won', amount: 100, currency: 'GBP', created: '2025-01-01', history: [{ stage: 'lead', at: '2025-01-01' }, { stage: 'won', at: '2025-02-01' }] });
    // the answer must not depend on --period: the same repository is broken either way
    expect(() => buildPipeline({ ...data, deals: [...data.deals, old] }, { today, period: q4 })).toThrow(/"india" is in GBP/);
  });

  it('keeps cents: amounts are rounded to two decimals, not to whole units', () => {
    const data = repo({ settings: settings({ rates: { USD: 0.9 } }), deals: [deal('a', { stage: 'proposal', amount: 333.33, currency: 'USD', created: today })] });
    const p = buildPipeline(data, { today });
    expect(p.open).toEqual({ count: 1, amount: 300, weighted: 150 });
    expect(buildPipeline(data, { today, currency: 'USD' }).open.amount).toBe(333.33);
  });
});

describe('edge cases', () => {
  it('says null (n/a), never NaN or Infinity, when nothing closed in the period', () => {
    const p = buildPipeline(loadFixture(), { today, period: parsePeriod('2026-01', today) });
    expect(p.won).toEqual({ count: 0, amount: 0 });
    expect(p.lost).toEqual({ count: 0, amount: 0 });
    expect(p).toMatchObject({ win_rate: null, win_rate_amount: null, cycle_days: { mean: null, median: null }, velocity: null, lost_reasons: [] });
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
  });

  it('handles an empty repository', () => {
    const p = buildPipeline(repo(), { today });
    expect(p.open).toEqual({ count: 0, amount: 0, weighted: 0 });
    expect(p.forecast).toEqual([]);
    expect(p.conversion.every((c) => c.rate === null)).toBe(true);
    expect(p.stage_days.every((s) => s.mean_days === null)).toBe(true);
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
  });

  it('counts a deal reopened after it was lost as open, not as lost', () => {
    const lostInQ4 = deal('kilo', { stage: 'lost', amount: 1000, created: '2026-10-01', lost_reason: 'timing', history: [{ stage: 'lead', at: '2026-10-01' }, { stage: 'lost', at: '2026-10-10' }] });
    const reopened = { ...lostInQ4, ...moveDeal(lostInQ4, 'qualified', '2026-11-02', settings()) };
    expect(reopened.history).toEqual([{ stage: 'lead', at: '2026-10-01' }, { stage: 'lost', at: '2026-10-10' }, { stage: 'qualified', at: '2026-11-02' }]);
    const before = buildPipeline(repo({ deals: [lostInQ4] }), { today, period: q4 });
    const after = buildPipeline(repo({ deals: [reopened] }), { today, period: q4 });
    expect([before.lost.count, before.open.count]).toEqual([1, 0]);
    expect([after.lost.count, after.open.count, after.stages[1]!.count]).toEqual([0, 1, 1]);
    // time spent lost does not count as time in a stage
    expect(after.stage_days.slice(0, 2).map((s) => s.mean_days)).toEqual([9, 23]);
    // won later: the cycle runs from creation, the close date is the won entry
    const won = { ...reopened, ...moveDeal(reopened, 'won', '2026-11-20', settings()) };
    const p = buildPipeline(repo({ deals: [won] }), { today, period: q4 });
    expect(p.won).toEqual({ count: 1, amount: 1000 });
    expect(p.cycle_days).toEqual({ mean: 50, median: 50 });
  });

  it('counts a deal that skipped stages as having passed through them', () => {
    const jump = deal('lima', { stage: 'won', amount: 500, created: '2026-11-01', history: [{ stage: 'lead', at: '2026-11-01' }, { stage: 'won', at: '2026-11-05' }] });
    const p = buildPipeline(repo({ deals: [jump] }), { today, period: q4 });
    expect(p.conversion.map((c) => [c.from, c.reached, c.advanced, c.rate])).toEqual([
      ['lead', 1, 1, 1], ['qualified', 1, 1, 1], ['proposal', 1, 1, 1], ['negotiation', 1, 1, 1],
    ]);
    // it spent no time in the stages it skipped
    expect(p.stage_days.map((s) => s.deals)).toEqual([1, 0, 0, 0]);
  });

  it('reads a deal without history as having entered its stage on its created date', () => {
    const quiet = deal('mike', { stage: 'lead', amount: 100, created: '2026-11-15' });
    const p = buildPipeline(repo({ deals: [quiet] }), { today });
    expect(p.stage_days[0]).toEqual({ stage: 'lead', mean_days: 10, deals: 1 });
    expect(moveDeal(quiet, 'proposal', '2026-11-20', settings()).history).toEqual([{ stage: 'lead', at: '2026-11-15' }, { stage: 'proposal', at: '2026-11-20' }]);
  });

  it('computes velocity from the exact mean cycle, not the rounded one shown', () => {
    // cycles 1, 2 and 2 days: mean 5/3; 1 open deal × 1,000 average won × win rate 1 ÷ 5/3 = 600
    const won = (slug: string, days: number) => deal(slug, { stage: 'won', amount: 1000, created: '2026-11-01', history: [{ stage: 'lead', at: '2026-11-01' }, { stage: 'won', at: `2026-11-0${1 + days}` }] });
    const p = buildPipeline(repo({ deals: [won('a', 1), won('b', 2), won('c', 2), deal('d', { created: today })] }), { today, period: q4 });
    expect(p.cycle_days).toEqual({ mean: 5 / 3, median: 2 }); // JSON carries 1.666..., text shows 1.7
    expect(p.velocity).toBe(600);
  });

  it('counts conversation entries about a deal as activity for staleness', () => {
    const d = deal('nova', { stage: 'proposal', amount: 100, created: '2026-09-01', history: [{ stage: 'proposal', at: '2026-09-01' }] });
    const talk = conversation('nova-talk', { deal: 'nova', entries: [entry('2026-11-20T10:00:00+01:00', 'jane')] });
    expect(buildPipeline(repo({ deals: [d] }), { today }).stale.map((s) => s.days)).toEqual([85]);
    expect(buildPipeline(repo({ deals: [d], conversations: [talk] }), { today }).stale).toEqual([]);
  });

  it('calls a deal stale once the whole stale interval has passed without activity, as kith due does', () => {
    const at = (created: string) => deal(`d${created}`, { stage: 'lead', created, history: [{ stage: 'lead', at: created }] });
    const p = buildPipeline(repo({ deals: [at('2026-10-26'), at('2026-10-27')] }), { today });
    expect(p.stale.map((s) => [s.last_activity, s.days])).toEqual([['2026-10-26', 30]]);
  });

  it('reports stage names that kith.yaml no longer has, in stage: and in history', () => {
    const renamed = settings({ stages: [{ name: 'lead', probability: 0.1 }, { name: 'discovery', probability: 0.25 }, { name: 'won', probability: 1 }, { name: 'lost', probability: 0 }] });
    const old = deal('oscar', { stage: 'qualified', fieldLines: { stage: 3, history: 4 }, history: [{ stage: 'lead', at: '2026-11-01' }, { stage: 'qualified', at: '2026-11-10' }] });
    const problems = checkRepo(repo({ settings: renamed, deals: [old] }));
    expect(problems.map((x) => [x.file, x.line, x.severity, x.message])).toEqual([
      ['deals/oscar.md', 3, 'error', 'unknown stage "qualified"'],
      ['deals/oscar.md', 4, 'error', 'history names unknown stage "qualified" (2026-11-10)'],
    ]);
    expect(problems[0]!.hint).toBe('one of lead, discovery, won, lost');
    // the pipeline still adds up: the deal is open, in a stage the report cannot name
    const p = buildPipeline(repo({ settings: renamed, deals: [{ ...old, amount: 100 }] }), { today });
    expect(p.open.count).toBe(1);
    expect(p.stages.map((s) => s.stage)).toEqual(['lead', 'discovery']);
  });
});

describe('moving a deal', () => {
  const s = settings();
  const d = deal('papa', { stage: 'lead', created: '2026-11-01', history: [{ stage: 'lead', at: '2026-11-01' }] });

  it('appends the new stage and its date to the history', () => {
    expect(moveDeal(d, 'proposal', '2026-11-20', s)).toEqual({ stage: 'proposal', history: [{ stage: 'lead', at: '2026-11-01' }, { stage: 'proposal', at: '2026-11-20' }] });
    expect(d.history).toHaveLength(1); // the deal itself is left alone
  });

  it('refuses an unknown stage, a date that does not exist and a move to the same stage', () => {
    expect(() => moveDeal(d, 'negotating', today, s)).toThrow(UsageError);
    expect(() => moveDeal(d, 'negotating', today, s)).toThrow('unknown stage "negotating"');
    expect(() => moveDeal(d, 'won', '2026-02-30', s)).toThrow(UsageError);
    expect(() => moveDeal(d, 'lead', today, s)).toThrow(UsageError);
  });
});

describe('reading a period', () => {
  it.each([
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' }],
    ['2026-q1', { from: '2026-01-01', to: '2026-03-31', label: '2026-Q1' }],
    ['2026-11', { from: '2026-11-01', to: '2026-11-30', label: '2026-11' }],
    ['2028-02', { from: '2028-02-01', to: '2028-02-29', label: '2028-02' }],
    ['2026', { from: '2026-01-01', to: '2026-12-31', label: '2026' }],
    ['90d', { from: '2026-08-28', to: '2026-11-25', label: 'last 90 days' }],
    ['1d', { from: '2026-11-25', to: '2026-11-25', label: 'last 1 day' }],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text, today)).toEqual(expected);
  });

  it.each(['last fortnight', '2026-13', '2026-Q5', '0d', '', '26-11'])('refuses "%s", quoting it', (text) => {
    expect(() => parsePeriod(text, today)).toThrow(UsageError);
    expect(() => parsePeriod(text, today)).toThrow(`"${text}"`);
  });

  it('defaults to the current year', () => {
    expect(buildPipeline(repo(), { today }).period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026' });
  });
});
