import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '../../src/render/ics.js';
import { dueItems, type DueItem } from '../../src/core/followup/index.js';
import { contact, conversation, deal, entry, repo } from '../helpers/records.js';

const now = Date.parse('2026-11-25T09:15:42.123Z');

const item = (fields: Partial<DueItem>): DueItem => ({ kind: 'reply', due: '2026-11-25', overdue_days: 0, title: 'reply to Jane Doe', uid: 'reply-v-1', ...fields });

function todos(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vtodo');
}

describe('the iCalendar export', () => {
  it('is a calendar a real parser reads, one to-do per item with its date', () => {
    const items = [
      item({ conversation: 'conversations/2026/sso.md', contact: 'jane' }),
      item({ kind: 'deal', due: '2027-01-01', title: 'Acme renewal: past its close date 2027-01-01', deal: 'acme-renewal', uid: 'deal-d-1' }),
      item({ kind: 'promise', due: '2028-02-29', title: 'send the quote (promised to Jane Doe)', promise: 'p-1', uid: 'promise-v-1-p-1' }),
    ];
    const cal = new ICAL.Component(ICAL.parse(renderIcs(items, { now, team: 'Northwind' })));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toMatch(/Kith/);
    const found = cal.getAllSubcomponents('vtodo');
    expect(found).toHaveLength(3);
    expect(found.map((t) => t.getFirstPropertyValue('uid'))).toEqual(['reply-v-1@kith', 'deal-d-1@kith', 'promise-v-1-p-1@kith']);
    const dues = found.map((t) => t.getFirstPropertyValue('due') as ICAL.Time);
    expect(dues.map((d) => [d.isDate, d.toString()])).toEqual([[true, '2026-11-25'], [true, '2027-01-01'], [true, '2028-02-29']]);
    const stamp = found[0]!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect([stamp.toString(), stamp.zone?.tzid]).toEqual(['2026-11-25T09:15:42Z', 'UTC']);
    expect(found[0]!.getFirstPropertyValue('description')).toBe('conversations/2026/sso.md; contact jane');
    expect(found[1]!.getFirstPropertyValue('description')).toBe('deal acme-renewal');
  });

  it('writes CRLF lines of at most 75 octets, folding long text without splitting a character', () => {
    const title = `reply to Zoë Ørsted-Łukasiewicz — 日本語の件名 ${'é'.repeat(60)} 🚀🚀🚀 end`;
    const text = renderIcs([item({ title })], { now, team: 'Northwind' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('\uFFFD');
    expect(todos(text)[0]!.getFirstPropertyValue('summary')).toBe(title); // "reply to ...", not "reply: reply to ..."
  });

  it('escapes commas, semicolons, backslashes and line breaks, and drops other control characters', () => {
    const title = 'chase Acme, Inc; legal\\review\nline two\r\nline three\rline four\u0007\u001b[31m';
    const text = renderIcs([item({ title, conversation: 'conversations/2026/a,b;c.md' })], { now, team: 'North, wind; "sales"' });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:reply: chase Acme\\, Inc\\; legal\\\\review\\nline two\\nline three\\nline four[31m\r\n');
    expect(unfolded).toContain('X-WR-CALNAME:North\\, wind\\; "sales": due\r\n');
    const [todo] = todos(text);
    expect(todo!.getFirstPropertyValue('summary')).toBe('reply: chase Acme, Inc; legal\\review\nline two\nline three\nline four[31m');
    expect(todo!.getFirstPropertyValue('description')).toBe('conversations/2026/a,b;c.md');
  });

  it('is a valid, empty calendar when nothing is due', () => {
    const text = renderIcs([], { now, team: 'Northwind' });
    expect(todos(text)).toEqual([]);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });

  it('keeps UIDs stable across runs and days, so a calendar updates its to-dos instead of piling up copies', () => {
    const build = () => repo({
      contacts: [contact('jane', { name: 'Jane Doe', cadence: '30d', created: '2026-01-01' })],
      deals: [deal('big', { title: 'Big', close: '2026-11-01', history: [{ stage: 'lead', at: '2026-10-01' }] })],
      conversations: [conversation('sso', { participants: ['jane'], turn: 'us', entries: [entry('2026-11-20T10:00+01:00', 'jane')],
        promises: [{ id: 'p1', from: 'us', what: 'quote', due: '2026-11-27', state: 'open' }, { id: 'p2', from: 'them', what: 'review', due: '2026-11-24', state: 'open' }] })],
    });
    const uids = (today: string, at: number) => todos(renderIcs(dueItems(build(), { today, within: Infinity }), { now: at, team: 'T' }))
      .map((t) => String(t.getFirstPropertyValue('uid'))).sort();
    const first = uids('2026-11-25', now);
    expect(first).toEqual(['chase-v-sso-p2@kith', 'deal-d-big@kith', 'promise-v-sso-p1@kith', 'reconnect-c-jane@kith', 'reply-v-sso@kith']);
    expect(uids('2026-11-25', now)).toEqual(first);
    expect(uids('2026-12-03', now + 8 * 86_400_000)).toEqual(first);
    expect(renderIcs(dueItems(build(), { today: '2026-11-25' }), { now, team: 'T' })).toBe(renderIcs(dueItems(build(), { today: '2026-11-25' }), { now, team: 'T' }));
  });
});
