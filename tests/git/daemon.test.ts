// Three teammates through a real git server (`git daemon` on 127.0.0.1): clone, work,
// sync in turn and two at once (one push loses the race, is merged and retried).
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as log } from '../../src/commands/log.js';
import { run as promise } from '../../src/commands/promise.js';
import { run as sync } from '../../src/commands/sync.js';
import { gitDaemon, team, type Mate } from '../helpers/team.js';

const stops: (() => void)[] = [];
afterAll(() => stops.forEach((stop) => stop()));

describe('a team through git daemon', () => {
  it('three clones under different identities end with one tree and every entry once', async () => {
    const { mates, url } = await team(['alice', 'bob', 'cron'], {
      url: async (bare) => {
        const d = await gitDaemon(dirname(bare));
        stops.push(d.stop);
        return `git://127.0.0.1:${d.port}/crm.git`;
      },
    });
    expect(url).toMatch(/^git:\/\/127\.0\.0\.1:\d+\/crm\.git$/);
    const [alice, bob, cron] = mates as [Mate, Mate, Mate];
    expect(bob.git(['config', 'user.email'])).toBe('bob@northwind.example\n');
    await log({ ref: 'jane', text: 'call: kickoff' }, alice.env('2026-11-25T09:00:00+01:00'));
    await sync({}, alice.env());
    await sync({}, bob.env());
    await sync({}, cron.env());
    await log({ ref: 'jane', text: 'note: from alice' }, alice.env('2026-11-25T10:00:00+01:00'));
    await promise({ ref: 'jane', what: 'send the quote', by: '2026-11-30' }, bob.env('2026-11-25T10:30:00+01:00'));
    await log({ ref: 'jane', text: 'note: from cron' }, cron.env('2026-11-25T11:00:00+01:00'));
    // two syncs at once: whichever pushes second is refused, merges and pushes again
    const [a, b] = await Promise.all([sync({}, alice.env()), sync({}, bob.env())]);
    expect([a.pushed, b.pushed]).toEqual([true, true]);
    for (const m of [cron, alice, bob, cron]) await sync({}, m.env());
    const trees = mates.map((m) => m.git(['rev-parse', 'HEAD^{tree}']));
    expect(new Set(trees).size).toBe(1);
    const text = alice.read('conversations/2026/jane-doe-2026-11-25.md');
    for (const words of ['kickoff', 'from alice', 'from cron']) expect(text.split(words).length - 1).toBe(1);
    expect(text.match(/what: send the quote/g)).toHaveLength(1);
    expect(alice.git(['log', '--format=%an', '--no-merges']).split('\n').filter(Boolean).sort()).toEqual(
      expect.arrayContaining(['Alice Martin', 'Bob Stone', 'Import Robot']),
    );
  });
});
