import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '../../src/core/calendar.js';
import { renderDigest } from '../../src/core/digest.js';
import { afterEntry, dueItems, filterItems, groupItems } from '../../src/core/follow-ups.js';
import { DEFAULT_FOLLOWUP } from '../../src/core/types.js';
import { contact, conversation, deal, entry, repo, settings } from '../helpers/records.js';

const f = { ...DEFAULT_FOLLOWUP, holidays: ['2026-12-25'] };
const today = '2026-11-25'; // a Wednesday

describe('whose turn after an entry', () => {
  it.each([
    // state, entry, options -> result
    [{ turn: 'us', next: '2026-11-26' }, { type: 'note', ours: true, date: today }, {}, { turn: 'us', next: '2026-11-26' }],
    [{ turn: 'us' }, { type: 'call', ours: true, date: today }, {}, { turn: 'them', next: '2026-12-02' }],
    [{ turn: 'us' }, { type: 'mail', ours: true, date: today }, { next: '2026-11-30' }, { turn: 'them', next: '2026-11-30' }],
    [{ turn: 'them' }, { type: 'mail', ours: false, date: '2026-11-27' }, {}, { turn: 'us', next: '2026-12-01' }],
    [{ turn: 'them' }, { type: 'mail', ours: false, date: '2026-12-24' }, {}, { turn: 'us', next: '2026-12-29' }],
    [{ turn: 'them' }, { type: 'call', ours: true, date: today }, { turn: 'us' }, { turn: 'us', next: '2026-11-27' }],
    [{ turn: 'closed' }, { type: 'note', ours: true, date: today }, {}, { turn: 'us', next: today }],
    [{ turn: 'closed' }, { type: 'mail', ours: false, date: today }, {}, { turn: 'us', next: '2026-11-27' }],
  ] as const)('%o + %o %o -> %o', (state, e, o, expected) => {
    expect(afterEntry(state, e, { ...o, today, followup: f })).toEqual(expected);
  });
});

describe('what is due', () => {
  const jane = contact('jane', { name: 'Jane Doe', owner: 'maya', cadence: '90d' });
  const data = repo({
    settings: settings({ followup: f }),
    contacts: [jane, contact('old-friend', { name: 'Old Friend', cadence: 'quarterly', created: '2026-01-10' })],
    conversations: [
      conversation('sso', { subject: 'SSO pricing', participants: ['jane'], owner: 'maya', turn: 'us', next: '2026-11-23',
        entries: [entry('2026-11-20T09:00+01:00', 'jane')],
        promises: [
          { id: 'p-ours', from: 'us', what: 'send the quote', due: '2026-11-27', state: 'open' },
          { id: 'p-theirs', from: 'them', who: 'jane', what: 'legal review', due: '2026-11-24', state: 'open' },
          { id: 'p-later', from: 'them', what: 'budget sign-off', due: '2026-12-10', state: 'open' },
          { id: 'p-done', from: 'us', what: 'intro call', due: '2026-11-01', state: 'kept' },
        ] }),
      conversation('quiet', { subject: 'Pilot', participants: ['jane'], owner: 'tom', turn: 'them', entries: [entry('2026-11-10T10:00+01:00', '@tom', 'call')] }),
      conversation('closed', { turn: 'closed', participants: ['jane'], entries: [entry('2026-11-01T10:00+01:00', 'jane')] }),
    ],
    deals: [
      deal('late', { title: 'Late deal', close: '2026-11-15', owner: 'maya', history: [{ stage: 'proposal', at: '2026-11-01' }] }),
      deal('stale', { title: 'Stale deal', history: [{ stage: 'lead', at: '2026-09-01' }] }),
      deal('won', { title: 'Won deal', stage: 'won', close: '2026-01-01' }),
    ],
  });

  it('finds every kind of item with its date and lateness', () => {
    const items = dueItems(data, { today });
    expect(items.map((i) => [i.kind, i.due, i.overdue_days, i.title])).toEqual([
      ['reconnect', '2026-04-10', 229, 'reconnect with Old Friend (every quarterly, last 2026-01-10)'],
      ['deal', '2026-10-01', 55, 'Stale deal: no activity since 2026-09-01'],
      ['deal', '2026-11-15', 10, 'Late deal: past its close date 2026-11-15'],
      ['nudge', '2026-11-17', 8, 'nudge Jane Doe — Pilot (silent 15 days)'],
      ['reply', '2026-11-23', 2, 'reply to Jane Doe — SSO pricing'],
      ['chase', '2026-11-24', 1, 'chase Jane Doe: legal review'],
      ['promise', '2026-11-27', 0, 'send the quote (promised to Jane Doe)'],
    ]);
  });

  it('looks ahead only as far as asked, but always shows what is late', () => {
    expect(dueItems(data, { today, within: 0 }).map((i) => i.kind)).not.toContain('promise');
    expect(dueItems(data, { today, within: Infinity }).map((i) => i.kind)).toContain('reconnect');
    expect(dueItems(data, { today, within: Infinity }).filter((i) => i.kind === 'reconnect').map((i) => i.contact)).toEqual(['old-friend', 'jane']);
  });

  it('groups into overdue, today, this week and later', () => {
    const g = groupItems(dueItems(data, { today: '2026-11-27', within: 30 }), '2026-11-27');
    expect(g.today.map((i) => i.kind)).toEqual(['promise']);
    expect(g.week).toEqual([]);
    expect(g.overdue.map((i) => i.kind)).toEqual(['reconnect', 'deal', 'deal', 'nudge', 'reply', 'chase']);
    expect(g.later).toEqual([]);
  });

  it('filters by owner, org and deal', () => {
    const items = dueItems(data, { today });
    expect(filterItems(items, { owner: 'tom', repo: data }).map((i) => i.kind)).toEqual(['nudge']);
    expect(filterItems(items, { deal: 'late', repo: data }).map((i) => i.kind)).toEqual(['deal']);
  });

  it('renders a cron digest, and nothing when nothing is due', () => {
    const digest = renderDigest(groupItems(dueItems(data, { today }), today), { today, team: 'Northwind' });
    expect(digest).toContain('Northwind: 7 things to do (2026-11-25)\n\nOverdue:\n');
    expect(digest).toContain('  2026-11-23  reply     reply to Jane Doe — SSO pricing (@maya, 2 days late)');
    expect(digest).not.toMatch(/\u001b/);
    expect(renderDigest(groupItems([], today), { today, team: 'x' })).toBe('');
  });

  it('exports an iCalendar file that a real parser reads, with stable UIDs', () => {
    const items = dueItems(data, { today });
    const now = Date.parse('2026-11-25T09:00:00Z');
    const text = renderIcs(items, { now, team: 'Northwind, Inc; "sales"' });
    expect(text).toBe(renderIcs(items, { now, team: 'Northwind, Inc; "sales"' }));
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    const todos = cal.getAllSubcomponents('vtodo');
    expect(todos).toHaveLength(items.length);
    expect(todos.map((t) => t.getFirstPropertyValue('uid'))).toEqual(items.map((i) => `${i.uid}@kith`));
    expect(todos.map((t) => String(t.getFirstPropertyValue('due')))).toEqual(items.map((i) => i.due));
    expect(String(todos.find((t) => String(t.getFirstPropertyValue('uid')).startsWith('reply'))!.getFirstPropertyValue('summary'))).toBe('reply: reply to Jane Doe — SSO pricing');
  });
});
