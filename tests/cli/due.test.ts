import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seededRepo } from '../helpers/cli.js';

const EXAMPLES = new URL('../../examples', import.meta.url).pathname;
// The example story is written for Wednesday 18 November 2026.
const story = () => sandbox({ now: '2026-11-18T09:30:00+01:00' });

describe('kith due on the example team', () => {
  it('starts from an example repository that kith check accepts', () => {
    const r = story().kith(['check', '--repo', EXAMPLES]);
    expect(r).toEqual({ code: 0, stdout: 'ok: 42 records checked\n', stderr: '' });
  });

  it('lists every kind of item, grouped and most urgent first', () => {
    const r = story().kith(['due', '--repo', EXAMPLES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(new URL('../fixtures/golden/due-examples.txt', import.meta.url), 'utf8'));
  });

  it('prints JSON with the documented keys', () => {
    const r = story().kith(['due', '--repo', EXAMPLES, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.now).toBe('2026-11-18T08:30:00.000Z');
    expect(new Set(json.items.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['reply', 'nudge', 'promise', 'chase', 'reconnect', 'deal']),
    );
    expect(json.items[0]).toEqual({
      kind: 'reconnect',
      due: '2026-10-08',
      overdue_days: 41,
      title: 'reconnect with Emil Strand (every 90d, last 2026-07-10)',
      owner: 'maya',
      contact: 'emil-strand',
      org: 'helios-freight',
      uid: expect.stringMatching(/^reconnect-c-/),
    });
    const chase = json.items.find((i: { kind: string }) => i.kind === 'chase');
    expect(chase).toMatchObject({
      conversation: 'conversations/2026/kestrel-security-review.md',
      contact: 'jonas-weber',
      org: 'kestrel-bank',
      deal: 'kestrel-monitoring',
      overdue_days: 8,
    });
  });

  it('filters by owner, org, deal and tag', () => {
    const s = story();
    const kinds = (args: string[]) =>
      JSON.parse(s.kith(['due', '--repo', EXAMPLES, '--json', ...args]).stdout).items.map(
        (i: { title: string }) => i.title,
      );
    expect(kinds(['--owner', 'tom']).every((t: string) => !/Kestrel|Priya|Emil|Lars|Jonas/.test(t))).toBe(true);
    expect(kinds(['--org', 'lumen-health'])).toEqual([
      'Lumen data-quality checks: past its close date 2026-11-10',
      'reply to Omar Haddad — Technical deep dive',
      'nudge Hannah Lee — Data-quality proposal (silent 7 days)',
    ]);
    expect(kinds(['--deal', 'orbital-pilot'])).toEqual([
      'Orbital analytics pilot: no activity since 2026-10-05',
      'nudge George Kim — Analytics pilot scoping (silent 44 days)',
    ]);
    expect(kinds(['--tag', 'regulated'])).toEqual([
      'chase Jonas Weber: security sign-off',
      'reply to Claire Dubois — Kestrel commercial terms',
      'revised quote with 3-year pricing (promised to Amara Diallo)',
      'nudge Jonas Weber — Security review (silent 16 days)',
    ]);
    // nothing ahead, only what is late or due today
    expect(kinds(['--within', '0d'])).toEqual([
      'reconnect with Emil Strand (every 90d, last 2026-07-10)',
      'Orbital analytics pilot: no activity since 2026-10-05',
      'chase Jonas Weber: security sign-off',
      'Lumen data-quality checks: past its close date 2026-11-10',
      'nudge Lars Eriksen — EU depots expansion (silent 13 days)',
      'reply to Claire Dubois — Kestrel commercial terms',
      'revised quote with 3-year pricing (promised to Amara Diallo)',
      'reply to Priya Raman — Q4 business review',
    ]);
    expect(kinds(['--all']).length).toBeGreaterThan(kinds([]).length);
    const mine = JSON.parse(
      s.kith(['due', '--repo', EXAMPLES, '--json', '--mine'], { env: { KITH_USER: 'tom' } }).stdout,
    ).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { owner: string }) => i.owner === 'tom')).toBe(true);
  });

  it('writes a calendar that a real iCalendar parser reads', () => {
    const s = story();
    const r = s.kith(['due', '--repo', EXAMPLES, '--ics', 'due.ics']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote 14 to-dos to due.ics\n');
    const cal = new ICAL.Component(ICAL.parse(readFileSync(join(s.dir, 'due.ics'), 'utf8')));
    expect(cal.getAllSubcomponents('vtodo')).toHaveLength(14);
  });

  it('--cron prints a plain digest, and nothing at all on an empty day', () => {
    const digest = story().kith(['due', '--repo', EXAMPLES, '--cron']);
    expect(digest.stdout.startsWith('Northwind Analytics: 14 things to do (2026-11-18)\n\nOverdue:\n')).toBe(true);
    expect(digest.stdout).not.toMatch(/\u001b/);
    const empty = seededRepo().kith(['due', '--cron']);
    expect(empty).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('kith demo', () => {
  it('copies the examples, moves them to today and shows every kind of item', () => {
    const s = sandbox({ now: '2026-12-09T08:00:00+01:00', identity: false });
    const r = s.kith(['demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Its story has been moved 21 days forward');
    const root = /is in\n {2}(\S+)\n/.exec(r.stdout)![1]!;
    const json = JSON.parse(s.kith(['due', '--json'], { env: { KITH_REPO: root } }).stdout);
    expect(new Set(json.items.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['reply', 'nudge', 'promise', 'chase', 'reconnect', 'deal']),
    );
    expect(
      json.items.filter((i: { due: string }) => i.due === '2026-12-09').map((i: { title: string }) => i.title),
    ).toEqual(['reply to Priya Raman — Q4 business review']);
    expect(s.kith(['check'], { env: { KITH_REPO: root } }).code).toBe(0);
    expect(s.git(['status', '--porcelain'], root)).toBe('');
  });
});
