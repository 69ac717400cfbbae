import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '../../../src/render/ics.js';
import { renderDigest } from '../../../src/render/digest.js';
import { checkRepo } from '../../../src/core/check/index.js';
import { cadences as checkCadences } from '../../../src/core/check/cadences.js';
import { afterEntry } from '../../../src/core/conversation/index.js';
import { dueItems, filterItems, groupItems } from '../../../src/core/followup/index.js';
import { DEFAULT_FOLLOWUP } from '../../../src/core/model/index.js';
import { contact, conversation, deal, entry, org, repo, settings } from '../../helpers/records.js';

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
    [{ turn: 'closed' }, { type: 'call', ours: true, date: today }, {}, { turn: 'them', next: '2026-12-02' }],
    [{ turn: 'us', next: '2026-11-20' }, { type: 'meeting', ours: true, date: today }, {}, { turn: 'them', next: '2026-12-02' }],
    [{ turn: 'them', next: '2026-11-30' }, { type: 'note', ours: true, date: today }, {}, { turn: 'them', next: '2026-11-30' }], // a memo leaves their turn alone
    [{ turn: 'them' }, { type: 'note', ours: false, date: today }, {}, { turn: 'us', next: '2026-11-27' }], // a note of what they said is still their word
    [{ turn: 'us' }, { type: 'note', ours: true, date: today }, { turn: 'them' }, { turn: 'them', next: '2026-12-02' }],
    [{ turn: 'us', next: '2026-11-26' }, { type: 'call', ours: true, date: today }, { turn: 'closed' }, { turn: 'closed' }], // closed waits for nobody
    [{ turn: 'us' }, { type: 'mail', ours: false, date: today }, { turn: 'them', next: '2027-01-10' }, { turn: 'them', next: '2027-01-10' }],
    // holidays, weekends, month and year ends
    [{ turn: 'them' }, { type: 'mail', ours: false, date: '2026-11-28' }, {}, { turn: 'us', next: '2026-12-01' }], // Saturday: Mon, Tue
    [{ turn: 'them' }, { type: 'mail', ours: false, date: '2026-12-23' }, {}, { turn: 'us', next: '2026-12-28' }], // over Christmas and the weekend
    [{ turn: 'us' }, { type: 'mail', ours: true, date: '2026-12-28' }, {}, { turn: 'them', next: '2027-01-04' }], // over the year end
    [{ turn: 'us' }, { type: 'call', ours: true, date: '2026-01-31' }, {}, { turn: 'them', next: '2026-02-07' }],
    [{ turn: 'us' }, { type: 'call', ours: true, date: '2026-10-20' }, {}, { turn: 'them', next: '2026-10-27' }], // over the DST change: still 7 days
    [{ turn: 'them' }, { type: 'mail', ours: false, date: '2028-02-25' }, {}, { turn: 'us', next: '2028-02-29' }], // Fri + 2 lands on a leap day
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
    expect(filterItems(items, { owner: 'tom' }, data).map((i) => i.kind)).toEqual(['nudge']);
    expect(filterItems(items, { deal: 'late' }, data).map((i) => i.kind)).toEqual(['deal']);
  });

  it('renders a cron digest, and nothing when nothing is due', () => {
    const digest = renderDigest(groupItems(dueItems(data, { today }), today), { today, team: 'Northwind' });
    expect(digest).toContain('Northwind: 7 things to do (2026-11-25)\n\nOverdue:\n');
    expect(digest).toContain('  2026-11-23  reply     to Jane Doe — SSO pricing (@maya, 2 days late)'); // not "reply reply to"
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
    expect(String(todos.find((t) => String(t.getFirstPropertyValue('uid')).startsWith('reply'))!.getFirstPropertyValue('summary'))).toBe('reply to Jane Doe — SSO pricing');
  });
});

describe('what is due in a closed conversation', () => {
  it('is only a promise still open in it: no reply, no nudge', () => {
    const promise = { id: 'p-open', from: 'us', what: 'send the deck', due: '2026-11-30', state: 'open' } as const;
    const data = repo({
      contacts: [contact('jane', { name: 'Jane Doe' })],
      conversations: [
        conversation('done', { turn: 'closed', participants: ['jane'], entries: [entry('2026-11-01T10:00+01:00', 'jane')] }),
        conversation('owed', {
          turn: 'closed',
          participants: ['jane'],
          entries: [entry('2026-11-02T10:00+01:00', 'jane')],
          promises: [promise, { ...promise, id: 'p-kept', state: 'kept' }],
        }),
      ],
    });
    expect(dueItems(data, { today }).map((i) => [i.kind, i.promise, i.title])).toEqual([
      ['promise', 'p-open', 'send the deck (promised to Jane Doe)'],
    ]);
  });
});

describe('what is due, at the edges of the calendar', () => {
  const acme = org('acme', { name: 'Acme Corp', tags: ['enterprise'] });
  const jane = contact('jane', { name: 'Jane Doe', owner: 'maya', org: 'acme' });
  const omar = contact('omar', { name: 'Omar Haddad', owner: 'tom', org: 'acme', tags: ['vip'] });
  const xmas = { ...DEFAULT_FOLLOWUP, holidays: ['2026-12-25', '2027-01-01'] };
  const build = (fields: Parameters<typeof repo>[0]) => repo({ settings: settings({ followup: xmas }), contacts: [jane, omar], orgs: [acme], ...fields });
  const only = (data: ReturnType<typeof repo>, today: string, within?: number) => dueItems(data, { today, within }).map((i) => [i.kind, i.due, i.overdue_days, i.title]);

  it('gives a reply window in business days from their last message, over holidays and weekends', () => {
    const data = build({ conversations: [conversation('renewal', { subject: 'Renewal', participants: ['jane'], turn: 'us',
      entries: [entry('2026-12-20T10:00+01:00', '@maya'), entry('2026-12-24T16:00+01:00', 'jane')] })] });
    expect(only(data, '2026-12-30')).toEqual([['reply', '2026-12-29', 1, 'reply to Jane Doe — Renewal']]);
  });

  it('reads an entry\'s day as written, on its local clock, even in the small hours of a DST change', () => {
    const data = build({ conversations: [conversation('sunday', { subject: 'Sunday mail', participants: ['jane'], turn: 'us',
      entries: [entry('2026-03-29T00:30+01:00', 'jane')] })] }); // Sunday in Paris, still Saturday in UTC
    expect(only(data, '2026-03-29')).toEqual([['reply', '2026-03-31', 0, 'reply to Jane Doe — Sunday mail']]);
  });

  it('counts silence in calendar days across a DST change, naming the org when no one is named', () => {
    const data = build({ conversations: [conversation('quiet', { subject: 'Renewal', org: 'acme', turn: 'them',
      entries: [entry('2026-10-20T18:00+02:00', '@maya', 'call')] })] });
    expect(only(data, '2026-10-29')).toEqual([['nudge', '2026-10-27', 2, 'nudge Acme Corp — Renewal (silent 9 days)']]);
  });

  it('answers whoever spoke last, and a set next date wins over the window', () => {
    const data = build({ conversations: [conversation('two', { subject: 'Pilot', participants: ['jane', 'omar'], turn: 'us', next: '2026-12-02',
      // out of order in the file: time decides, not position
      entries: [entry('2026-11-24T10:00+01:00', 'omar'), entry('2026-11-24T10:30+02:00', 'jane'), entry('2026-11-20T10:00+01:00', 'jane')] })] });
    expect(only(data, '2026-11-25')).toEqual([['reply', '2026-12-02', 0, 'reply to Omar Haddad — Pilot']]);
  });

  it('lists our promises ahead, theirs only once due, and nothing kept, broken or dropped', () => {
    const promises = [
      { id: 'a', from: 'us', what: 'send the DPA', due: '2026-12-31', state: 'open' },
      { id: 'b', from: 'us', what: 'old slides', due: '2026-11-01', state: 'broken' },
      { id: 'c', from: 'them', who: 'omar', what: 'security questionnaire', due: '2026-11-25', state: 'open' },
      { id: 'd', from: 'them', what: 'budget', due: '2026-11-26', state: 'open' },
      { id: 'e', from: 'them', what: 'signed order', due: '2026-11-02', state: 'kept' },
    ] as const;
    const data = build({ conversations: [
      conversation('open', { subject: 'Security', participants: ['jane'], turn: 'them', next: '2027-02-01', promises }),
      conversation('done', { subject: 'Old', participants: ['jane'], turn: 'closed', promises: promises.filter((p) => p.state !== 'open') }),
    ] });
    expect(only(data, '2026-11-25')).toEqual([['chase', '2026-11-25', 0, 'chase Omar Haddad: security questionnaire']]);
    expect(only(data, '2026-11-25', 40)).toEqual([
      ['chase', '2026-11-25', 0, 'chase Omar Haddad: security questionnaire'],
      ['promise', '2026-12-31', 0, 'send the DPA (promised to Jane Doe)'],
    ]);
    expect(only(data, '2027-01-05', 0).map((i) => i[0])).toEqual(['chase', 'chase', 'promise']);
  });

  it('keeps a promise left open in a closed conversation due: closing owes no word, not the promise', () => {
    const promises = [
      { id: 'a', from: 'us', what: 'send the DPA', due: '2026-11-20', state: 'open' },
      { id: 'b', from: 'us', what: 'old slides', due: '2026-11-01', state: 'dropped' },
    ] as const;
    const data = build({ conversations: [conversation('done', { subject: 'Old', participants: ['jane'], turn: 'closed', promises })] });
    expect(only(data, '2026-11-25')).toEqual([['promise', '2026-11-20', 5, 'send the DPA (promised to Jane Doe)']]);
  });

  it('reconnects on the cadence from the last entry with the contact, clamping month ends', () => {
    const data = build({
      contacts: [
        contact('jan31', { name: 'Jan Thirty-One', cadence: 'monthly', created: '2025-06-01' }),
        contact('nov30', { name: 'Nov Thirty', cadence: 'quarterly', created: '2026-11-30' }),
        contact('leap', { name: 'Leap Day', cadence: '1y', created: '2028-02-29' }),
        contact('none', { name: 'No Cadence', created: '2020-01-01' }),
      ],
      conversations: [
        // a closed conversation still counts as being in touch
        conversation('old', { participants: ['jan31'], turn: 'closed', entries: [entry('2026-01-31T17:00+01:00', '@maya'), entry('2025-12-01T10:00+01:00', 'jan31')] }),
      ],
    });
    expect(dueItems(data, { today: '2026-02-20', within: Infinity }).filter((i) => i.kind === 'reconnect').map((i) => [i.contact, i.due, i.title])).toEqual([
      ['jan31', '2026-02-28', 'reconnect with Jan Thirty-One (every monthly, last 2026-01-31)'],
      ['nov30', '2027-02-28', 'reconnect with Nov Thirty (every quarterly, last 2026-11-30)'],
      ['leap', '2029-02-28', 'reconnect with Leap Day (every 1y, last 2028-02-29)'],
    ]);
  });

  it('flags open deals past their close date, closing soon or gone quiet, counting their conversations as activity', () => {
    const data = build({
      deals: [
        deal('past', { title: 'Past', close: '2026-12-31', history: [{ stage: 'proposal', at: '2026-12-01' }] }),
        deal('soon', { title: 'Soon', close: '2027-01-10', history: [{ stage: 'proposal', at: '2026-12-20' }] }),
        deal('quiet', { title: 'Quiet', history: [{ stage: 'lead', at: '2026-11-01' }] }),
        deal('talking', { title: 'Talking', history: [{ stage: 'lead', at: '2026-10-01' }] }),
        deal('lost', { title: 'Lost', stage: 'lost', close: '2026-06-01', history: [{ stage: 'lost', at: '2026-06-01' }] }),
        deal('bare', { title: 'Bare' }),
      ],
      conversations: [conversation('t', { deal: 'talking', participants: ['jane'], turn: 'them', next: '2027-06-01', entries: [entry('2026-12-15T10:00+01:00', 'jane')] })],
    });
    expect(dueItems(data, { today: '2027-01-02', within: 30 }).filter((i) => i.kind === 'deal').map((i) => [i.deal, i.due, i.overdue_days, i.title])).toEqual([
      ['quiet', '2026-12-01', 32, 'Quiet: no activity since 2026-11-01'],
      ['past', '2026-12-31', 2, 'Past: past its close date 2026-12-31'],
      ['soon', '2027-01-10', 0, 'Soon: closes 2027-01-10'],
      ['talking', '2027-01-14', 0, 'Talking: no activity since 2026-12-15'],
    ]);
  });

  it('gives each item the conversation owner, else the deal owner, else the contact owner', () => {
    const data = build({
      deals: [deal('big', { title: 'Big', owner: 'tom', history: [{ stage: 'lead', at: '2026-11-20' }] })],
      conversations: [
        conversation('own', { participants: ['jane'], owner: 'sam', turn: 'us', deal: 'big', next: '2026-11-25' }),
        conversation('via-deal', { participants: ['jane'], turn: 'us', deal: 'big', next: '2026-11-25' }),
        conversation('via-contact', { participants: ['jane'], turn: 'us', next: '2026-11-25' }),
      ],
    });
    const items = dueItems(data, { today: '2026-11-25' }).filter((i) => i.kind === 'reply');
    expect(items.map((i) => [i.conversation, i.owner])).toEqual([
      ['conversations/2026/own.md', 'sam'], ['conversations/2026/via-contact.md', 'maya'], ['conversations/2026/via-deal.md', 'tom'],
    ]);
    expect(new Set(items.map((i) => i.uid)).size).toBe(items.length);
  });

  it('groups Sunday into this week and Monday into later; on a Sunday this week is over', () => {
    const data = build({ conversations: ['2026-11-25', '2026-11-26', '2026-11-29', '2026-11-30', '2026-11-24'].map((next) =>
      conversation(`c${next}`, { subject: next, participants: ['jane'], turn: 'us', next })) });
    const subjects = (items: readonly { conversation?: string }[]) => items.map((i) => i.conversation!.slice(-13, -3));
    const wed = groupItems(dueItems(data, { today: '2026-11-25' }), '2026-11-25');
    expect([subjects(wed.overdue), subjects(wed.today), subjects(wed.week), subjects(wed.later)]).toEqual([['2026-11-24'], ['2026-11-25'], ['2026-11-26', '2026-11-29'], ['2026-11-30']]);
    const sun = groupItems(dueItems(data, { today: '2026-11-29' }), '2026-11-29');
    expect([sun.today.length, sun.week.length, sun.later.length]).toEqual([1, 0, 1]);
  });

  it('sorts a day by what to do first: promises, chases, replies, nudges, deals, reconnects', () => {
    const day = '2026-11-25';
    const data = build({
      contacts: [contact('z', { name: 'Zed', cadence: '7d', created: '2026-11-18' })],
      deals: [deal('d', { title: 'Deal', close: day, history: [{ stage: 'lead', at: '2026-11-24' }] })],
      conversations: [
        conversation('n', { participants: ['jane'], turn: 'them', next: day }),
        conversation('r', { participants: ['jane'], turn: 'us', next: day, promises: [
          { id: 'p', from: 'us', what: 'quote', due: day, state: 'open' }, { id: 'q', from: 'them', what: 'review', due: day, state: 'open' }] }),
      ],
    });
    expect(groupItems(dueItems(data, { today: day }), day).today.map((i) => i.kind)).toEqual(['promise', 'chase', 'reply', 'nudge', 'deal', 'reconnect']);
  });

  it('filters by tag on the contact, org, deal or conversation, and by org', () => {
    const data = build({ conversations: [
      conversation('a', { participants: ['omar'], turn: 'us', next: '2026-11-25' }),
      conversation('b', { participants: ['jane'], turn: 'us', next: '2026-11-25', tags: ['urgent'] }),
      conversation('c', { participants: ['jane'], org: 'acme', turn: 'us', next: '2026-11-25' }),
    ] });
    const items = dueItems(data, { today: '2026-11-25' });
    const paths = (f: Parameters<typeof filterItems>[1]) => filterItems(items, f, data).map((i) => i.conversation!.slice(-4, -3)).sort();
    expect(paths({ tag: 'vip' })).toEqual(['a']);
    expect(paths({ tag: 'urgent' })).toEqual(['b']);
    expect(paths({ tag: 'enterprise' })).toEqual(['c']);
    expect(paths({ org: 'acme' })).toEqual(['c']);
    expect(paths({ owner: 'maya' })).toEqual(['b', 'c']);
    expect(paths({})).toEqual(['a', 'b', 'c']);
  });
});

describe('stay-in-touch cadences', () => {
  it('reports a cadence that cannot be read, at its line, instead of never reminding', () => {
    const data = repo({ contacts: [
      contact('ok', { cadence: 'quarterly' }),
      contact('bad', { cadence: 'every so often', fieldLines: { cadence: 7 } }),
    ] });
    expect(checkCadences(data)).toEqual([{ file: 'contacts/bad.md', line: 7, col: 1, severity: 'error', message: 'cadence "every so often" is not a duration', hint: expect.stringContaining('quarterly') }]);
    expect(checkRepo(data).map((p) => p.message)).toContain('cadence "every so often" is not a duration');
  });
});
