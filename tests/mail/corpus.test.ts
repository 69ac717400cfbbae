import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, trimReply } from '../../src/core/mail/index.js';
import { normaliseSubject, threadMessages, conversationPath } from '../../src/core/mail/index.js';
import type { MailMessage } from '../../src/core/mail/index.js';
import { parseMessage } from '../../src/mail/message.js';
import { mboxSource } from '../../src/mail/mbox.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));

describe('the new text of a message', () => {
  it.each([
    ['Thanks!\n\nOn Mon, 16 Nov 2026 at 09:00, Maya <m@x> wrote:\n> old', 'Thanks!'],
    ['Merci\n\nLe lun. 16 nov. 2026, Maya a écrit :\n> old', 'Merci'],
    ['Yes.\n\n-----Original Message-----\nFrom: Maya\nSent: Monday', 'Yes.'],
    ['Yes.\n\nFrom: Maya Lindqvist\nSent: Monday, 16 November\nTo: Jane', 'Yes.'],
    ['From: the start we agreed.\nBest', 'From: the start we agreed.\nBest'],
    ['See below\n> a quote\nMy answer\n\n-- \nJane Doe\nCTO', 'See below\nMy answer'],
    ['Thanks\nOn Mon, 16 Nov 2026 at 09:00, Maya Lindqvist <maya@northwind.example>\nwrote:\n> x', 'Thanks'],
  ])('trims %j', (input, expected) => {
    expect(trimReply(input)).toBe(expected);
  });

  it('turns HTML into text without scripts or styles', () => {
    expect(htmlToText('<style>p{}</style><script>alert(1)</script><p>Hi &amp; <b>bye</b></p><p>Go <a href="https://x.example/a">here</a></p>')).toBe('Hi & bye\nGo here (https://x.example/a)');
  });

  it('never lets a message forge a timeline entry', () => {
  });
});

describe('threading', () => {
  const m = (id: string, fields: Partial<MailMessage> = {}): MailMessage => ({
    messageId: id, references: [], subject: 'Pricing', to: [], cc: [], dateSource: 'header', text: '', attachments: [], isBulk: false, origin: id, date: '2026-11-01T10:00:00.000Z', ...fields,
  });

  it.each([['Re: Fwd: RE: AW: Pricing', 'pricing'], ['[EXT] Re:  Pricing  terms', 'pricing terms'], ['SV: Re[2]: Offer', 'offer']])('normalises %j', (s, expected) => {
    expect(normaliseSubject(s)).toBe(expected);
  });

  it('joins replies through References and In-Reply-To, even when ancestors are missing', () => {
    const threads = threadMessages([
      m('<c@x>', { references: ['<a@x>', '<b@x>'], inReplyTo: '<b@x>', date: '2026-11-03T10:00:00.000Z' }),
      m('<d@x>', { inReplyTo: '<c@x>', date: '2026-11-04T10:00:00.000Z' }),
      m('<other@x>', { subject: 'Something else' }),
    ]);
    expect(threads.map((t) => [t.root, t.messages.map((x) => x.messageId)])).toEqual([
      ['<other@x>', ['<other@x>']],
      ['<a@x>', ['<c@x>', '<d@x>']],
    ]);
  });

  it('names the conversation file after the thread alone, whatever the order or the slice imported', () => {
    const a = m('<b@x>', { references: ['<a@x>'], subject: 'Re: Pricing' });
    const b = m('<c@x>', { references: ['<a@x>', '<b@x>'], subject: 'Re: Re: Pricing', date: '2026-11-05T10:00:00.000Z' });
    const one = conversationPath(threadMessages([a, b])[0]!);
    expect(conversationPath(threadMessages([b, a])[0]!)).toBe(one);
    expect(conversationPath(threadMessages([b])[0]!)).toBe(one);
    expect(one).toMatch(/^conversations\/2026\/pricing-[0-9a-z]{13}\.md$/);
  });
});

describe('reading messages', () => {
  it('decodes windows-1252 and RFC 2047 headers: curly quotes and the euro sign', async () => {
    const msg = await parseMessage(fixture('03-new-person-cp1252.eml'), 'test');
    expect(msg.subject).toBe('Budget – “final” numbers');
    expect(msg.text.trim()).toBe('Our budget is €50,000 – it’s “final”.');
  });

  it('dates a message without a Date header from its newest Received header', async () => {
    const msg = await parseMessage(fixture('07-no-date.eml'), 'test');
    expect([msg.date, msg.dateSource]).toEqual(['2026-11-19T10:15:00.000Z', 'received']);
  });

  it('gives a message without Message-ID a stable id of its content', async () => {
    const a = await parseMessage(fixture('10-no-message-id.eml'), 'a');
    const b = await parseMessage(fixture('10-no-message-id.eml'), 'b');
    expect(a.messageId).toMatch(/^<[0-9a-f]{32}@kith\.invalid>$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it('cleans control characters out of headers', async () => {
    const msg = await parseMessage(fixture('08-hostile.eml'), 'test');
    expect(JSON.stringify([msg.subject, msg.from])).not.toMatch(/\\u001b|\\u0007/);
  });

  it('reads mboxo and mboxrd, LF and CRLF, unescaping >From lines and keeping the separator date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-mbox-'));
    for (const crlf of [false, true]) {
      const path = join(dir, `x${crlf}.mbox`);
      writeFileSync(path, `From a@b Tue Nov 17 10:00:00 2026\nSubject: one\nMessage-ID: <1@b>\n\n>From the start\n>>From twice\n\nFrom b@c Wed Nov 18 11:00:00 2026\nSubject: two\n\nbody\n`.replace(/\n/g, crlf ? '\r\n' : '\n'));
      const items = [];
      for await (const i of mboxSource(path).messages()) items.push(i);
      expect(items.map((i) => i.kind)).toEqual(['message', 'message']);
      const first = items[0]! as { raw: Buffer; fallbackDate: string };
      expect(first.raw.toString().replace(/\r/g, '')).toBe('Subject: one\nMessage-ID: <1@b>\n\nFrom the start\n>From twice\n\n');
      expect(first.fallbackDate).toBe('2026-11-17T10:00:00.000Z');
      const second = await parseMessage((items[1] as { raw: Buffer }).raw, 'x', (items[1] as { fallbackDate: string }).fallbackDate);
      expect([second.date, second.dateSource]).toEqual(['2026-11-18T11:00:00.000Z', 'mbox']);
    }
  });
});
