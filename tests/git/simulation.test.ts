// Two people and a cron job share one repository through a git server for a stretch of
// simulated work (tests/helpers/simulation.ts): at the end every clone holds the same tree,
// no file has conflict markers, `kith check` reports nothing but values kept by merges (and
// the tidiness warning about entries filed out of order), every entry, promise and message
// created anywhere is there exactly once, every move is in its deal's history, and every
// value last set (not knowingly replaced by a later one) is in its field or kept.
// The seed replays a run: KITH_SEED=n. A month: KITH_SIM_DAYS=30 KITH_SIM_OPS=30 (npm run sim).
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRepo } from '../../src/core/check/index.js';
import { keptValues } from '../../src/core/merge/index.js';
import { openRepo } from '../../src/store/repo.js';
import { random, seedFrom } from '../helpers/random.js';
import { recordFiles, Simulation } from '../helpers/simulation.js';
import { gitDaemon, team } from '../helpers/team.js';

const DAYS = Number(process.env.KITH_SIM_DAYS ?? 5);
const OPS = Number(process.env.KITH_SIM_OPS ?? 14);
const SEED = seedFrom(process.env, 2026);

const stops: (() => void)[] = [];
afterAll(() => stops.forEach((stop) => stop()));

const count = (texts: Iterable<string>, needle: string) => {
  let n = 0;
  for (const t of texts) n += t.split(needle).length - 1;
  return n;
};

describe('a team through a git server, simulated', () => {
  it(`loses no one's work over ${DAYS} days of ${OPS} operations (seed ${SEED})`, { timeout: 3_600_000 }, async () => {
    const rnd = random(SEED);
    const t = await team(['alice', 'bob', 'cron'], {
      url: async (bare) => {
        const d = await gitDaemon(dirname(bare));
        stops.push(d.stop);
        return `git://127.0.0.1:${d.port}/crm.git`;
      },
    });
    const sim = new Simulation(rnd, t, DAYS);
    for (const m of t.mates) await sim.sync(m);
    for (let day = 0; day < DAYS; day++) {
      await sim.day(day, OPS);
      // the cron job files mail and syncs every morning
      await sim.sync(t.mates[2]!);
    }
    await sim.settle();
    const [alice] = t.mates;
    const o = sim.oracle;
    const checked = {
      entries: o.entryIds.size,
      promises: o.promiseIds.size,
      messages: o.messageIds.size,
      contacts: o.emails.size,
      moves: o.moves.length,
      values: o.sets.length,
    };
    process.stdout.write(
      `simulation (seed ${SEED}, ${DAYS} days x ${OPS}): ${JSON.stringify(o.counts)}\nchecked: ${JSON.stringify(checked)}\n`,
    );

    expect(new Set(t.mates.map((m) => m.git(['rev-parse', 'HEAD^{tree}']))).size).toBe(1);
    for (const m of t.mates) expect(m.git(['status', '--porcelain'])).toBe('');
    const files = recordFiles(alice!);
    const texts = [...files.values()];
    expect([...files].filter(([, text]) => /^(<{7}|={7}|>{7})( |$)/m.test(text)).map(([p]) => p)).toEqual([]);
    const problems = checkRepo((await openRepo(alice!.dir, alice!.env().vars)).data).filter(
      (p) =>
        !(
          p.severity === 'warning' &&
          (p.message.startsWith('kept by a merge: ') || p.message.includes('comes before the entry above it'))
        ),
    );
    expect(problems).toEqual([]);
    const missing = (label: string, items: Iterable<string>, needle: (x: string) => string) =>
      [...items].filter((x) => count(texts, needle(x)) !== 1).map((x) => `${label} ${x}: ${count(texts, needle(x))}`);
    expect([
      ...missing('entry text', o.tokens, (x) => x),
      ...missing('entry id', o.entryIds, (x) => `{#${x}}`),
      ...missing('promise', o.promiseIds, (x) => `id: ${x}\n`),
      ...missing('message', o.messageIds, (x) => `message-id: ${x}\n`),
      ...missing('contact e-mail', o.emails, (x) => x),
    ]).toEqual([]);
    const data = (await openRepo(alice!.dir, alice!.env().vars)).data;
    const deals = new Map(data.deals.map((d) => [d.id, d]));
    expect(
      o.moves.filter((mv) => !deals.get(mv.deal)?.history.some((h) => h.stage === mv.stage && h.at === mv.at)),
    ).toEqual([]);
    const records = new Map(
      [...data.contacts, ...data.orgs, ...data.deals, ...data.conversations].map((r) => [r.id, r]),
    );
    const lost = o.sets
      .filter((s) => !o.sets.some((later) => later.record === s.record && later.key === s.key && later.seen.has(s.op)))
      .filter((s) => {
        const r = records.get(s.record);
        return (
          !r || (r.data[s.key] !== s.value && !keptValues(r.data).some((k) => k.field === s.key && k.value === s.value))
        );
      });
    expect(lost).toEqual([]);
    const kept = [...records.values()].reduce((n, r) => n + keptValues(r.data).length, 0);
    process.stdout.write(`kept values at the end: ${kept}\n`);
    expect(o.tokens.size + o.promiseIds.size + o.messageIds.size).toBeGreaterThan(DAYS * 2);
  });
});
