// Referral influence: the business that came through each contact, directly and through
// the people they introduced, credited to them, their org and the teammate who owns them.
// Pure. A referral is `referred_by` on a deal (the deal came through them) or on a contact
// (they introduced that person, whose own referrals then count for them one level deeper).
// A won deal they brought in makes its org's people theirs too, one level deeper, unless a
// person has a `referred_by` of their own: the customer they won goes on referring.
import { LOST, WON } from '../model/records.js';
import { groupBy } from '../model/repo-index.js';
import type { RepoData } from '../model/types.js';
import { dealValue, round2 } from './money.js';
import { closedOn } from './stages.js';

interface InfluencedDeal {
  readonly deal: string;
  readonly title: string;
  readonly stage: string;
  readonly amount: number;
  readonly closed: string | null;
  /** 1: referred by them; 2: by someone they introduced; and so on. */
  readonly depth: number;
  /** The chain from them to the deal's referrer. */
  readonly via: readonly string[];
}

export interface Referrer {
  readonly contact: string;
  readonly name: string;
  readonly org: string | null;
  readonly owner: string | null;
  /** Their org has won business with us: a happy customer. */
  readonly customer: boolean;
  readonly direct: { count: number; amount: number };
  readonly chain: { count: number; amount: number; max_depth: number };
  readonly open: { count: number; amount: number };
  readonly deals: readonly InfluencedDeal[];
}

export interface InfluenceReport {
  readonly currency: string;
  readonly referrers: readonly Referrer[];
  readonly orgs: readonly { org: string; amount: number; count: number }[];
  readonly owners: readonly { owner: string; amount: number; count: number }[];
}

export function buildInfluence(repo: RepoData, opts: { currency?: string } = {}): InfluenceReport {
  const currency = (opts.currency ?? repo.settings.currency).toUpperCase();
  const introduced = groupBy(repo.contacts, (c) => [c.referred_by]);
  const dealsBy = groupBy(repo.deals, (d) => [d.referred_by]);
  // a won deal without an org makes nobody a customer
  const wonOrgs = new Set(repo.deals.flatMap((d) => (d.stage === WON && d.org ? [d.org] : [])));
  const peopleOf = groupBy(repo.contacts, (c) => [c.referred_by ? undefined : c.org]);

  const referrers: Referrer[] = [];
  for (const c of repo.contacts) {
    if (!introduced.has(c.slug) && !dealsBy.has(c.slug)) continue;
    const deals: InfluencedDeal[] = [];
    // walk the people they introduced, breadth first; `seen` makes a referral loop harmless
    const seen = new Set([c.slug]);
    let level: { slug: string; via: string[] }[] = [{ slug: c.slug, via: [] }];
    for (let depth = 1; level.length; depth++) {
      const next: { slug: string; via: string[] }[] = [];
      for (const { slug, via } of level) {
        for (const d of dealsBy.get(slug) ?? []) {
          if (d.stage === LOST) continue;
          deals.push({
            deal: d.slug,
            title: d.title,
            stage: d.stage,
            amount: round2(dealValue(d, repo.settings, currency)),
            closed: d.stage === WON ? (closedOn(d) ?? null) : null,
            depth,
            via,
          });
        }
        const won = (dealsBy.get(slug) ?? []).filter((d) => d.stage === WON && d.org);
        for (const p of [...(introduced.get(slug) ?? []), ...won.flatMap((d) => peopleOf.get(d.org!) ?? [])]) {
          if (seen.has(p.slug)) continue;
          seen.add(p.slug);
          next.push({ slug: p.slug, via: [...via, p.slug] });
        }
      }
      level = next;
    }
    const won = deals.filter((d) => d.stage === WON);
    const open = deals.filter((d) => d.stage !== WON);
    const total = (list: InfluencedDeal[]) => ({
      count: list.length,
      amount: round2(list.reduce((s, d) => s + d.amount, 0)),
    });
    referrers.push({
      contact: c.slug,
      name: c.name,
      org: c.org ?? null,
      owner: c.owner ?? null,
      customer: c.org !== undefined && wonOrgs.has(c.org),
      direct: total(won.filter((d) => d.depth === 1)),
      chain: { ...total(won), max_depth: Math.max(0, ...deals.map((d) => d.depth)) },
      open: total(open),
      deals: deals.sort((a, b) => a.depth - b.depth || b.amount - a.amount),
    });
  }
  referrers.sort(
    (a, b) => b.chain.amount - a.chain.amount || b.open.amount - a.open.amount || a.name.localeCompare(b.name),
  );
  // credit each deal once per org and per owner, through its closest referrer
  const credit = (key: (r: Referrer) => string | null) => {
    const map = new Map<string, { amount: number; deals: Set<string> }>();
    for (const r of referrers) {
      const k = key(r);
      if (!k) continue;
      const row = map.get(k) ?? { amount: 0, deals: new Set<string>() };
      for (const d of r.deals)
        if (d.stage === WON && !row.deals.has(d.deal)) {
          row.deals.add(d.deal);
          row.amount = round2(row.amount + d.amount);
        }
      map.set(k, row);
    }
    return [...map]
      .map(([k, v]) => ({ key: k, amount: v.amount, count: v.deals.size }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.amount - a.amount);
  };
  return {
    currency,
    referrers,
    orgs: credit((r) => r.org).map(({ key, ...rest }) => ({ org: key, ...rest })),
    owners: credit((r) => r.owner).map(({ key, ...rest }) => ({ owner: key, ...rest })),
  };
}
