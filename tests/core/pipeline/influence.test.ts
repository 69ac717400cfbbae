import { describe, expect, it } from 'vitest';
import { buildInfluence } from '../../../src/core/pipeline/index.js';
import { contact, deal, repo, settings } from '../../helpers/records.js';

const won = (slug: string, amount: number, fields: Parameters<typeof deal>[1] = {}) =>
  deal(slug, { stage: 'won', amount, created: '2026-09-01', history: [{ stage: 'lead', at: '2026-09-01' }, { stage: 'won', at: '2026-10-01' }], ...fields });

// ann introduced bob, bob introduced cem, cem introduced ann: a loop, on purpose.
// Deals: d1 came through ann, d2 and d3 through bob, d4 through cem; d5 was lost through
// cem, d6 is still open through bob.
const people = [
  contact('ann', { name: 'Ann', org: 'acme', owner: 'maya', referred_by: 'cem' }),
  contact('bob', { name: 'Bob', org: 'bolt', owner: 'tom', referred_by: 'ann' }),
  contact('cem', { name: 'Cem', org: 'acme', owner: 'maya', referred_by: 'bob' }),
  contact('dan', { name: 'Dan', org: 'dyno' }),
];
const data = repo({
  settings: settings({ rates: { USD: 0.5 } }),
  contacts: people,
  deals: [
    won('d1', 1000, { referred_by: 'ann', org: 'dyno' }),
    won('d2', 2000, { referred_by: 'bob', org: 'acme' }),
    won('d3', 400, { referred_by: 'bob', currency: 'USD' }), // 200 EUR
    won('d4', 50, { referred_by: 'cem' }),
    deal('d5', { stage: 'lost', amount: 9999, referred_by: 'cem' }),
    deal('d6', { stage: 'proposal', amount: 700, referred_by: 'bob' }),
  ],
});

describe('referral influence', () => {
  const inf = buildInfluence(data);
  const by = (slug: string) => inf.referrers.find((r) => r.contact === slug)!;

  it('credits each referrer with what came through them directly and through the chain, with depth', () => {
    expect(inf.currency).toBe('EUR');
    expect(by('ann')).toMatchObject({ name: 'Ann', org: 'acme', owner: 'maya', direct: { count: 1, amount: 1000 }, chain: { count: 4, amount: 3250, max_depth: 3 }, open: { count: 1, amount: 700 } });
    expect(by('ann').deals.map((d) => [d.deal, d.depth, d.via])).toEqual([
      ['d1', 1, []], ['d2', 2, ['bob']], ['d6', 2, ['bob']], ['d3', 2, ['bob']], ['d4', 3, ['bob', 'cem']],
    ]);
    expect(by('bob')).toMatchObject({ direct: { count: 2, amount: 2200 }, chain: { count: 4, amount: 3250, max_depth: 3 } });
    expect(by('cem')).toMatchObject({ direct: { count: 1, amount: 50 }, chain: { count: 4, amount: 3250, max_depth: 3 } });
  });

  it('stops at a referral loop instead of counting a deal twice or running forever', () => {
    for (const r of inf.referrers) expect(new Set(r.deals.map((d) => d.deal)).size).toBe(r.deals.length);
    expect(by('cem').deals.map((d) => [d.deal, d.depth])).toEqual([['d4', 1], ['d1', 2], ['d2', 3], ['d6', 3], ['d3', 3]]);
  });

  it('leaves lost deals out and keeps open ones apart from won revenue', () => {
    expect(inf.referrers.flatMap((r) => r.deals.map((d) => d.deal))).not.toContain('d5');
    expect(by('bob').open).toEqual({ count: 1, amount: 700 });
  });

  it('lists only people who referred someone or something, the largest chain first, then by open and name', () => {
    // in the loop every chain holds the same deals: the name decides
    expect(inf.referrers.map((r) => r.contact)).toEqual(['ann', 'bob', 'cem']);
    const line = repo({
      contacts: [contact('zoe'), contact('yan', { referred_by: 'zoe' }), contact('xia'), contact('dan')],
      deals: [won('a', 100, { referred_by: 'yan' }), won('b', 300, { referred_by: 'xia' }), deal('c', { stage: 'lead', amount: 5, referred_by: 'zoe' })],
    });
    // zoe's chain (yan's 100) is below xia's 300; yan and zoe tie on 100, zoe has 5 open
    expect(buildInfluence(line).referrers.map((r) => [r.contact, r.chain.amount])).toEqual([['xia', 300], ['zoe', 100], ['yan', 100]]);
  });

  it('credits each won deal once to the referrer\'s org and to the teammate who owns them', () => {
    expect(inf.orgs).toEqual([{ org: 'acme', amount: 3250, count: 4 }, { org: 'bolt', amount: 3250, count: 4 }]);
    expect(inf.owners).toEqual([{ owner: 'maya', amount: 3250, count: 4 }, { owner: 'tom', amount: 3250, count: 4 }]);
  });

  it('marks a referrer as a customer when their org has won business with us', () => {
    expect([by('ann').customer, by('bob').customer]).toEqual([true, false]);
  });

  it('reports in another currency through the rates', () => {
    const usd = buildInfluence(data, { currency: 'USD' });
    expect(usd.currency).toBe('USD');
    expect(usd.referrers.find((r) => r.contact === 'bob')!.direct).toEqual({ count: 2, amount: 4400 });
  });

  it('counts a deal only through deal-level referred_by: a referred contact\'s own deal is not credited', () => {
    // dan was introduced by ann; his deal names no referrer, so it is not ann's
    const solo = repo({ contacts: [contact('ann'), contact('dan', { referred_by: 'ann' })], deals: [won('dx', 500, { contacts: ['dan'] })] });
    expect(buildInfluence(solo).referrers).toEqual([
      expect.objectContaining({ contact: 'ann', direct: { count: 0, amount: 0 }, chain: { count: 0, amount: 0, max_depth: 0 } }),
    ]);
  });

  it('is empty when nobody referred anyone', () => {
    expect(buildInfluence(repo({ contacts: [contact('dan')], deals: [won('dx', 500)] }))).toEqual({ currency: 'EUR', referrers: [], orgs: [], owners: [] });
  });

  it('follows a won deal into its org: its people\'s referrals count for whoever brought the deal, unless they have their own referrer', () => {
    const chain = repo({
      contacts: [
        contact('ria', { name: 'Ria' }),
        contact('kim', { name: 'Kim', org: 'kite' }),
        contact('lee', { name: 'Lee', org: 'kite', referred_by: 'pat' }),
        contact('pat', { name: 'Pat' }),
      ],
      deals: [
        won('kite-deal', 1000, { referred_by: 'ria', org: 'kite' }),
        won('from-kim', 300, { referred_by: 'kim' }),
        won('from-lee', 50, { referred_by: 'lee' }),
      ],
    });
    const ria = buildInfluence(chain).referrers.find((r) => r.contact === 'ria')!;
    expect(ria.deals.map((d) => [d.deal, d.depth, d.via])).toEqual([['kite-deal', 1, []], ['from-kim', 2, ['kim']]]);
    expect(ria.chain).toEqual({ count: 2, amount: 1300, max_depth: 2 });
  });

  it('makes nobody without an org a customer because some won deal has no org', () => {
    const lone = repo({ contacts: [contact('solo', { name: 'Solo' })], deals: [won('no-org', 100, { referred_by: 'solo' })] });
    expect(buildInfluence(lone).referrers[0]!.customer).toBe(false);
  });
});
