// The merge rules of records and kith.yaml as data, in tables: base, ours, theirs, and the one
// merged value (the same whichever side is ours), with what was kept aside.
import { describe, expect, it } from 'vitest';
import { mergeRecord, type MergeKind, type Version } from '../../../src/core/merge/index.js';

const v = (data: Record<string, unknown>, body = ''): Version => ({ data, body });

function both(kind: MergeKind, base: Version | undefined, ours: Version, theirs: Version) {
  const a = mergeRecord(kind, base, ours, theirs);
  const b = mergeRecord(kind, base, theirs, ours);
  expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
  expect(b.body).toBe(a.body);
  return a;
}

describe('fields', () => {
  it.each([
    ['a field changed on one side takes the change', { title: 'CTO' }, { title: 'VP' }, { title: 'CTO' }, { title: 'VP' }],
    ['different fields changed on each side both stay', { title: 'CTO', org: 'a' }, { title: 'VP', org: 'a' }, { title: 'CTO', org: 'b' }, { title: 'VP', org: 'b' }],
    ['a field removed on one side and untouched on the other is removed', { title: 'CTO', org: 'a' }, { org: 'a' }, { title: 'CTO', org: 'a' }, { org: 'a' }],
    ['a field added on both sides alike is there once', {}, { cadence: '90d' }, { cadence: '90d' }, { cadence: '90d' }],
    ['lists are sets: additions on both sides, a removal honoured', { tags: ['a', 'b'] }, { tags: ['a', 'c'] }, { tags: ['a', 'b', 'd'] }, { tags: ['a', 'c', 'd'] }],
    ['e-mails and phones likewise', { emails: ['j@a.example'] }, { emails: ['j@a.example', 'jane@a.example'] }, { emails: [] }, { emails: ['jane@a.example'] }],
    ['the earlier creation date is kept, with nothing set aside', { created: '2026-03-04' }, { created: '2026-03-02' }, { created: '2026-03-05' }, { created: '2026-03-02' }],
  ])('%s', (_name, base, ours, theirs, merged) => {
    const r = both('contact', v(base), v(ours), v(theirs));
    expect(r.data).toEqual(merged);
    expect(r.kept).toEqual([]);
  });

  it.each([
    ['text: the value that sorts first stays, the other is kept', { title: 'CTO' }, { title: 'VP Eng' }, { title: 'Chief Technology Officer' }, 'Chief Technology Officer', { field: 'title', value: 'VP Eng' }],
    ['numbers: the smaller stays', { amount: 40000 }, { amount: 48000 }, { amount: 50000 }, 48000, { field: 'amount', value: 50000 }],
    ['dates: the earlier stays', { close: '2026-12-01' }, { close: '2026-12-15' }, { close: '2026-12-10' }, '2026-12-10', { field: 'close', value: '2026-12-15' }],
    ['a change beats a removal, which is noted', { title: 'CTO' }, {}, { title: 'VP' }, 'VP', { field: 'title', value: null }],
    ['both added the field differently: the same rule', {}, { title: 'VP' }, { title: 'CEO' }, 'CEO', { field: 'title', value: 'VP' }],
  ])('%s', (_name, base, ours, theirs, chosen, kept) => {
    const key = Object.keys({ ...base, ...ours, ...theirs })[0]!;
    const r = both('deal', v(base), v(ours), v(theirs));
    expect(r.data[key]).toEqual(chosen);
    expect(r.kept).toEqual([kept]);
    expect(r.data.conflicts).toEqual([kept]);
  });

  it('adds new kept values after the ones already there, each once', () => {
    const old = { field: 'title', value: 'Boss' };
    const r = both('contact', v({ title: 'A', conflicts: [old] }), v({ title: 'B', conflicts: [old] }), v({ title: 'C', conflicts: [old] }));
    expect(r.data).toEqual({ title: 'B', conflicts: [old, { field: 'title', value: 'C' }] });
  });

  it('merges the kept values themselves as a set: one settled on one side is settled', () => {
    const [x, y] = [{ field: 'title', value: 'Boss' }, { field: 'org', value: 'b' }];
    const r = both('contact', v({ conflicts: [x, y], tags: [] }), v({ conflicts: [y], tags: [] }), v({ conflicts: [x, y], tags: ['n'] }));
    expect(r.data).toEqual({ conflicts: [y], tags: ['n'] });
  });
});

describe('promises and stage history', () => {
  const p = (id: string, extra: Record<string, unknown> = {}) => ({ id, from: 'us', what: `do ${id}`, due: '2026-12-01', state: 'open', made: '2026-11-20', ...extra });

  it('unites promises by id, in the order they were made, with each side’s changes to them', () => {
    const base = v({ promises: [p('p-1'), p('p-2')] });
    const ours = v({ promises: [p('p-1', { state: 'kept', closed: '2026-11-25' }), p('p-2'), p('p-3', { made: '2026-11-26' })] });
    const theirs = v({ promises: [p('p-0', { made: '2026-11-19' }), p('p-1'), p('p-2', { due: '2026-12-05' })] });
    const r = both('conversation', base, ours, theirs);
    expect(r.data.promises).toEqual([
      p('p-0', { made: '2026-11-19' }),
      p('p-1', { state: 'kept', closed: '2026-11-25' }),
      p('p-2', { due: '2026-12-05' }),
      p('p-3', { made: '2026-11-26' }),
    ]);
    expect(r.kept).toEqual([]);
  });

  it('a promise field changed both ways is kept under its path', () => {
    const r = both('conversation', v({ promises: [p('p-1')] }), v({ promises: [p('p-1', { due: '2026-12-09' })] }), v({ promises: [p('p-1', { due: '2026-12-03' })] }));
    expect(r.data.promises).toEqual([p('p-1', { due: '2026-12-03' })]);
    expect(r.kept).toEqual([{ field: 'promises/p-1/due', value: '2026-12-09' }]);
  });

  it('a promise removed on one side and changed on the other stays, the removal noted', () => {
    const r = both('conversation', v({ promises: [p('p-1')] }), v({ promises: [] }), v({ promises: [p('p-1', { state: 'kept' })] }));
    expect(r.data.promises).toEqual([p('p-1', { state: 'kept' })]);
    expect(r.kept).toEqual([{ field: 'promises/p-1', value: null }]);
  });

  it('a deal moved on both sides: history united in date order, the stage is the newest row’s, the other kept', () => {
    const lead = { stage: 'lead', at: '2026-09-01' };
    const base = v({ stage: 'lead', history: [lead] });
    const ours = v({ stage: 'proposal', history: [lead, { stage: 'proposal', at: '2026-11-22' }] });
    const theirs = v({ stage: 'qualified', history: [lead, { stage: 'qualified', at: '2026-11-20' }] });
    const r = both('deal', base, ours, theirs);
    expect(r.data).toEqual({
      stage: 'proposal',
      history: [lead, { stage: 'qualified', at: '2026-11-20' }, { stage: 'proposal', at: '2026-11-22' }],
      conflicts: [{ field: 'stage', value: 'qualified' }],
    });
  });
});

describe('conversations', () => {
  const entry = (id: string, at: string, text: string, who = '@alice') => `## ${at} · note · ${who} {#${id}}\n\n${text}\n`;
  const body = (...entries: string[]) => `\n${entries.join('\n')}`;
  const e1 = entry('e-11111111', '2026-11-20 10:00 +01:00', 'first');

  it('unites entries by id, in date order, each once', () => {
    const ours = body(e1, entry('e-33333333', '2026-11-22 10:00 +01:00', 'ours'));
    const theirs = body(e1, entry('e-22222222', '2026-11-21 10:00 +01:00', 'theirs'));
    const r = both('conversation', v({}, body(e1)), v({}, ours), v({}, theirs));
    expect(r.body).toBe(body(e1, entry('e-22222222', '2026-11-21 10:00 +01:00', 'theirs'), entry('e-33333333', '2026-11-22 10:00 +01:00', 'ours')));
    expect(r.added).toEqual({ ours: 1, theirs: 1 });
  });

  it('whose turn and the next date follow the side with the newest entry, with nothing kept', () => {
    const ours = v({ turn: 'them', next: '2026-11-29' }, body(e1, entry('e-33333333', '2026-11-22 10:00 +01:00', 'call')));
    const theirs = v({ turn: 'us', next: '2026-11-24' }, body(e1, entry('e-22222222', '2026-11-21 10:00 +01:00', 'mail', 'jane-doe')));
    const r = both('conversation', v({ turn: 'us', next: '2026-11-21' }, body(e1)), ours, theirs);
    expect(r.data).toEqual({ turn: 'them', next: '2026-11-29' });
    expect(r.kept).toEqual([]);
  });

  it('without new entries on both sides, whose turn goes to whoever owes a word: us, then them', () => {
    const r = both('conversation', v({ turn: 'them' }, body(e1)), v({ turn: 'us' }, body(e1)), v({ turn: 'closed' }, body(e1)));
    expect(r.data).toEqual({ turn: 'us', conflicts: [{ field: 'turn', value: 'closed' }] });
  });

  it('an entry edited on both sides merges line by line; lines changed both ways keep the other version', () => {
    const b = body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'one\ntwo\nthree'));
    const o = body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'ONE\ntwo\nthree'));
    const t = body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'one\ntwo\nTHREE'));
    expect(both('conversation', v({}, b), v({}, o), v({}, t)).body).toBe(body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'ONE\ntwo\nTHREE')));
    const x = body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'one\n2\nthree'));
    const y = body(entry('e-11111111', '2026-11-20 10:00 +01:00', 'one\nzwei\nthree'));
    const r = both('conversation', v({}, b), v({}, x), v({}, y));
    expect(r.body).toBe(x);
    expect(r.kept).toEqual([{ field: 'entries/e-11111111', value: 'zwei' }]);
  });

  it('an entry removed on one side and edited on the other stays, the removal noted', () => {
    const e2 = entry('e-22222222', '2026-11-21 10:00 +01:00', 'two');
    const r = both('conversation', v({}, body(e1, e2)), v({}, body(e1)), v({}, body(e1, entry('e-22222222', '2026-11-21 10:00 +01:00', 'TWO'))));
    expect(r.body).toBe(body(e1, entry('e-22222222', '2026-11-21 10:00 +01:00', 'TWO')));
    expect(r.kept).toEqual([{ field: 'entries/e-22222222', value: null }]);
  });

  it('an entry removed on one side and untouched on the other is gone', () => {
    const e2 = entry('e-22222222', '2026-11-21 10:00 +01:00', 'two');
    expect(both('conversation', v({}, body(e1, e2)), v({}, body(e1)), v({}, body(e1, e2))).body).toBe(body(e1));
  });

  it('notes on other records merge line by line: both additions at the end are kept', () => {
    const r = both('contact', v({}, 'Met at the fair.\n'), v({}, 'Met at the fair.\nLikes golf.\n'), v({}, 'Met at the fair.\nTwo kids.\n'));
    expect(r.body).toBe('Met at the fair.\nLikes golf.\nTwo kids.\n');
  });
});

describe('kith.yaml', () => {
  it('matches members by handle and stages by name, keeps the pipeline order, merges follow-up rules key by key', () => {
    const alice = { handle: 'alice', name: 'Alice', emails: ['alice@n.example'] };
    const stages = [{ name: 'lead', probability: 0.1 }, { name: 'won', probability: 1 }];
    const base = v({ members: [alice], stages, followup: { reply_days: 2, nudge_days: 7 } });
    const ours = v({ members: [alice, { handle: 'bob', name: 'Bob', emails: [] }], stages, followup: { reply_days: 1, nudge_days: 7 } });
    const theirs = v({
      members: [{ ...alice, emails: ['alice@n.example', 'a@n.example'] }],
      stages: [stages[0], { name: 'demo', probability: 0.3 }, stages[1]],
      followup: { reply_days: 2, nudge_days: 5 },
    });
    expect(both('settings', base, ours, theirs).data).toEqual({
      members: [{ ...alice, emails: ['alice@n.example', 'a@n.example'] }, { handle: 'bob', name: 'Bob', emails: [] }],
      stages: [stages[0], { name: 'demo', probability: 0.3 }, stages[1]],
      followup: { reply_days: 1, nudge_days: 5 },
    });
  });
});
