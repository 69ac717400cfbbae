import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seededRepo } from '../helpers/cli.js';

const FIXTURE = new URL('../fixtures/pipeline', import.meta.url).pathname;
const EXAMPLES = new URL('../../examples', import.meta.url).pathname;

// The figures below are worked out by hand in tests/fixtures/pipeline/EXPECTED.md.
describe('kith pipeline on the hand-worked fixture', () => {
  const run = (...args: string[]) => {
    const r = sandbox().kith(['pipeline', '--repo', FIXTURE, '--json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('computes every figure', () => {
    const p = run('--period', '2026-Q4');
    expect(p.currency).toBe('EUR');
    expect(p.period).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' });
    expect(p.open).toEqual({ count: 4, amount: 73000, weighted: 47250 });
    expect(p.stages).toEqual([
      { stage: 'lead', count: 1, amount: 10000, weighted: 1000, probability: 0.1 },
      { stage: 'qualified', count: 1, amount: 5000, weighted: 1250, probability: 0.25 },
      { stage: 'proposal', count: 1, amount: 18000, weighted: 9000, probability: 0.5 },
      { stage: 'negotiation', count: 1, amount: 40000, weighted: 36000, probability: 0.75 },
    ]);
    expect(p.forecast).toEqual([
      { period: '2026-12', count: 3, amount: 33000, weighted: 11250 },
      { period: '2027-01', count: 1, amount: 40000, weighted: 36000 },
    ]);
    expect(p.forecast_quarters.map((q: { period: string; weighted: number }) => [q.period, q.weighted])).toEqual([
      ['2026-Q4', 11250],
      ['2027-Q1', 36000],
    ]);
    expect(p.won).toEqual({ count: 2, amount: 42000 });
    expect(p.lost).toEqual({ count: 1, amount: 8000 });
    expect(p.win_rate).toBe(2 / 3); // unrounded: only text rounds
    expect(p.win_rate_amount).toBe(0.84);
    expect(p.cycle_days).toEqual({ mean: 70, median: 70 });
    expect(p.lost_reasons).toEqual([{ reason: 'price', count: 1 }]);
    expect(p.conversion.map((c: { from: string; to: string; rate: number }) => [c.from, c.to, c.rate])).toEqual([
      ['lead', 'qualified', 6 / 7],
      ['qualified', 'proposal', 4 / 6],
      ['proposal', 'negotiation', 0.75],
      ['negotiation', 'won', 2 / 3],
    ]);
    expect(p.stage_days.map((s: { mean_days: number }) => s.mean_days)).toEqual([27, 117 / 4, 101 / 3, 42.5]);
    expect(p.velocity).toBe(800);
    expect(p.stale.map((s: { deal: string; days: number }) => [s.deal, s.days])).toEqual([
      ['charlie', 55],
      ['bravo', 41],
      ['golf', 36],
    ]);
  });

  it('says n/a (null) instead of dividing by zero when nothing closed', () => {
    const p = run('--period', '2026-01');
    expect(p.won).toEqual({ count: 0, amount: 0 });
    expect(p).toMatchObject({
      win_rate: null,
      win_rate_amount: null,
      cycle_days: { mean: null, median: null },
      velocity: null,
    });
    const text = sandbox().kith(['pipeline', '--repo', FIXTURE, '--period', '2026-01']).stdout;
    expect(text).toContain('win rate n/a by count, n/a by amount');
  });

  it('converts to another currency and groups by owner', () => {
    const p = run('--period', '2026-Q4', '--currency', 'USD', '--by', 'owner');
    expect(p.currency).toBe('USD');
    expect(p.open.amount).toBeCloseTo(73000 / 0.9, 2);
    expect(
      p.groups.map((g: { key: string; open: { count: number }; won: { count: number } }) => [
        g.key,
        g.open.count,
        g.won.count,
      ]),
    ).toEqual([
      ['maya', 3, 1],
      ['tom', 1, 1],
    ]);
  });

  it('names the deal and the currency when a rate is missing', () => {
    const s = sandbox();
    const root = join(s.dir, 'repo');
    cpSync(FIXTURE, root, { recursive: true });
    writeFileSync(
      join(root, 'deals/hotel.md'),
      '---\nid: d-000000hotel\ntitle: Hotel\nstage: lead\namount: 100\ncurrency: GBP\n---\n',
    );
    const r = s.kith(['pipeline', '--repo', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deals/hotel.md: deal "hotel" is in GBP, and kith.yaml has no rate for GBP');
  });

  it('refuses a period it cannot read', () => {
    const r = sandbox().kith(['pipeline', '--repo', FIXTURE, '--period', 'last fortnight']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the period "last fortnight"');
  });
});

describe('moving deals', () => {
  it('moves, wins and loses deals, keeping the stage history', () => {
    const s = seededRepo();
    const on = (day: string) => ({ env: { KITH_NOW: `2026-12-${day}T10:00:00+01:00` } });
    expect(s.kith(['move', 'acme-sso-rollout', 'proposal', '--at', '2026-11-27'], on('01')).stdout).toBe(
      'Acme SSO rollout: lead → proposal on 2026-11-27\n',
    );
    expect(s.kith(['lost', 'acme-sso-rollout'], on('01')).code).toBe(1 + 1); // --reason is required
    expect(s.kith(['lost', 'acme-sso-rollout', '--reason', 'budget frozen'], on('02')).code).toBe(0);
    expect(s.kith(['move', 'acme-sso-rollout', 'qualified'], on('03')).code).toBe(0); // reopened
    expect(s.kith(['won', 'acme-sso-rollout', '--amount', '52000'], on('04')).code).toBe(0);
    const deal = readFileSync(join(s.dir, 'deals/acme-sso-rollout.md'), 'utf8');
    expect(deal).toContain(
      'stage: won\nhistory:\n  - {stage: lead, at: 2026-11-25}\n  - {stage: proposal, at: 2026-11-27}\n  - {stage: lost, at: 2026-12-02}\n  - {stage: qualified, at: 2026-12-03}\n  - {stage: won, at: 2026-12-04}\n',
    );
    expect(deal).toContain('amount: 52000');
    expect(deal).not.toContain('lost_reason');
    expect(s.git(['log', '-4', '--format=%s'])).toBe(
      'win Acme SSO rollout\nmove to qualified: Acme SSO rollout\nlose Acme SSO rollout (budget frozen)\nmove to proposal: Acme SSO rollout\n',
    );
    const bad = s.kith(['move', 'acme-sso-rollout', 'negotating']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('hint: one of lead, qualified, proposal, negotiation, won, lost');
  });

  it('reports stage names that kith.yaml no longer has', () => {
    const s = seededRepo();
    const path = join(s.dir, 'kith.yaml');
    s.kith([
      'set',
      'acme-sso-rollout',
      'history=[{stage: lead, at: 2026-11-01}, {stage: qualified, at: 2026-11-10}]',
      'stage=qualified',
    ]);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '{name: qualified, probability: 0.25}',
        '{name: discovery, probability: 0.25}',
      ),
    );
    const r = s.kith(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown stage "qualified"');
  });
});

describe('influence and the HTML report on the example team', () => {
  it('credits won business to the referrer, through the chain', () => {
    const r = sandbox({ now: '2026-11-18T09:30:00+01:00' }).kith(['influence', '--repo', EXAMPLES, '--json']);
    const inf = JSON.parse(r.stdout);
    const priya = inf.referrers[0];
    expect(priya).toMatchObject({
      contact: 'priya-raman',
      org: 'helios-freight',
      owner: 'maya',
      customer: true,
      direct: { count: 1, amount: 47840 },
      chain: { count: 1, amount: 47840, max_depth: 2 },
      open: { count: 1, amount: 93600 },
    });
    expect(priya.deals.map((d: { deal: string; depth: number; via: string[] }) => [d.deal, d.depth, d.via])).toEqual([
      ['brightwave-rollout', 1, []],
      ['kestrel-monitoring', 2, ['ben-okoro']],
    ]);
    expect(inf.orgs).toEqual([{ org: 'helios-freight', amount: 47840, count: 1 }]);
  });

  it('reads referrals from the index cache as from the files, and sees a hand edit made since', () => {
    const s = sandbox({ now: '2026-11-18T09:30:00+01:00' });
    cpSync(EXAMPLES, s.dir, { recursive: true });
    const influence = () => {
      const r = s.kith(['influence', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const fromFiles = influence();
    expect(influence()).toEqual(fromFiles);
    // the deal now came through Priya herself, not through Ben
    const path = join(s.dir, 'deals/kestrel-monitoring.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('referred_by: ben-okoro', 'referred_by: priya-raman'));
    const priya = influence().referrers.find((r: { contact: string }) => r.contact === 'priya-raman');
    expect(priya.deals.map((d: { deal: string; depth: number }) => [d.deal, d.depth])).toEqual([
      ['kestrel-monitoring', 1],
      ['brightwave-rollout', 1],
    ]);
  });
});
