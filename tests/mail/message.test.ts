import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/message.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('parsing a message', () => {
  it('reads CRLF mail with RFC 2047 names and subjects in two charsets and a quoted-printable body', async () => {
    const m = await parseMessage(fixture('13-crlf-encoded.eml'), 'x');
    expect(m.from).toEqual({ name: 'Renée Müller', address: 'renee@acme.example' });
    expect(m.subject).toBe('Déploiement — planning');
    expect(m.text).toBe('Bonjour Maya, le déploiement peut commencer le 1er décembre si vous confirmez d’ici vendredi.\n\nRenée\n');
  });

  it('survives broken headers: a bare Message-ID, a bad address list, a folded subject, an unreadable Date', async () => {
    const m = await parseMessage(fixture('15-broken-headers.eml'), 'x');
    expect(m.messageId).toBe('<bare-id@acme.example>');
    expect(m.to.map((a) => a.address)).toEqual(['maya@northwind.example', 'ops@northwind.example']);
    expect(m.subject).toBe('Rollout checklist, folded over three lines');
    expect([m.date, m.dateSource]).toEqual(['2026-11-18T15:20:00.000Z', 'received']);
  });

  it('turns hostile HTML into inert text and cleans bidi overrides out of the subject', async () => {
    const m = await parseMessage(fixture('16-hostile-html.eml'), 'x');
    expect(m.subject).toBe('Quarterly review ../../x');
    expect(m.text).not.toMatch(CONTROLS);
    expect(m.text).not.toMatch(/document\.write|never closed/);
    expect(m.text).toContain('Numbers for Q4');
  });

  it('decodes windows-1252 in an HTML part and in an attachment name: curly quotes and the euro sign', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: jane@acme.example\nSubject: =?windows-1252?Q?=93Offer=94_=80?=\nDate: Thu, 19 Nov 2026 10:00:00 +0100\nMessage-ID: <w@x>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/html; charset=windows-1252\n\n<p>'),
      Buffer.from([0x93, 0x50, 0x72, 0x69, 0x63, 0x65, 0x94, 0x20, 0x80, 0x35, 0x30]),
      Buffer.from('</p>\n--B\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="=?windows-1252?Q?Pr=E9sentation_=80.pdf?="\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--B--\n'),
    ]);
    const m = await parseMessage(raw, 'x');
    expect(m.subject).toBe('“Offer” €');
    expect(m.text.trim()).toBe('“Price” €50');
    expect(m.attachments).toEqual([{ name: 'Présentation €.pdf', size: 5 }]);
  });

  it('keeps control characters out of addresses and drops a Message-ID that carries one', async () => {
    const m = await parseMessage('From: "x\u001b]0;t\u0007" <ja\u001b[31mne@acme.example>\nTo: ok@acme.example\nMessage-ID: <a\u0007b@x>\nReferences: <r\u001b@x> <ok@x>\nDate: Thu, 19 Nov 2026 10:00:00 +0100\n\nhi\n', 'x');
    expect(JSON.stringify([m.from, m.to])).not.toMatch(/\\u00(1b|07)/);
    expect(m.messageId).toMatch(/^<[0-9a-f]{32}@kith\.invalid>$/);
    expect(m.references).toEqual(['<ok@x>']);
  });

  it('dates a message from the mbox separator when Date and Received say nothing usable, never from the clock', async () => {
    const raw = 'From: jane@acme.example\nDate: Mon, 1 Jan 2350 10:00:00 +0000\nMessage-ID: <d@x>\n\nhi\n';
    expect(await parseMessage(raw, 'x', '2026-11-17T10:00:00.000Z')).toMatchObject({ date: '2026-11-17T10:00:00.000Z', dateSource: 'mbox' });
    expect((await parseMessage(raw, 'x')).date).toBeUndefined();
  });

  it('gives a message without Message-ID the same id whatever its line endings or transport headers', async () => {
    const lf = 'Received: from a by b; Thu, 19 Nov 2026 10:00:00 +0100\nFrom: jane@acme.example\nTo: maya@northwind.example\nSubject: hi\nDate: Thu, 19 Nov 2026 10:00:00 +0100\n\nhello\nthere\n';
    const a = await parseMessage(lf, 'a');
    const b = await parseMessage(lf.replace(/\n/g, '\r\n').replace(/^Received:.*\r\n/, 'Received: from c by d; Thu, 19 Nov 2026 10:01:00 +0100\r\n'), 'b');
    expect(b.messageId).toBe(a.messageId);
  });

  it('reads the headers and text of a message cut off in the middle of an attachment', async () => {
    const raw = `From: jane@acme.example\nSubject: Big\nDate: Thu, 19 Nov 2026 10:00:00 +0100\nMessage-ID: <big@x>\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nDeck attached.\n--B\nContent-Type: application/octet-stream; name=deck.bin\nContent-Transfer-Encoding: base64\n\n${'QUFB'.repeat(1000)}`;
    const m = await parseMessage(raw, 'x');
    expect([m.messageId, m.subject, m.text.trim()]).toEqual(['<big@x>', 'Big', 'Deck attached.']);
  });

  const alternative = (text: string) =>
    Buffer.from(
      'From: jane@acme.example\nSubject: Offer\nDate: Thu, 19 Nov 2026 10:00:00 +0100\nMessage-ID: <alt@x>\n' +
        'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=B\n\n--B\nContent-Type: text/plain\n\n' +
        `${text}\n--B\nContent-Type: text/html\n\n<p>Hello Maya, 40 seats at <b>EUR 900</b> each.</p>\n--B--\n`,
    );

  it.each([
    'Please use an HTML-capable email client to read this message.',
    'This message is in HTML format. To view it, use a mail program that supports HTML.',
    'Your email client does not support HTML.',
    ' ',
  ])('stores the HTML part when the text part only stands in for it: %j', async (standIn) => {
    const m = await parseMessage(alternative(standIn), 'x');
    expect(m.text.trim()).toBe('Hello Maya, 40 seats at EUR 900 each.');
  });

  it('keeps a text part of its own', async () => {
    const m = await parseMessage(alternative('Hello Maya, 40 seats at EUR 900 each (plain).'), 'x');
    expect(m.text.trim()).toBe('Hello Maya, 40 seats at EUR 900 each (plain).');
  });
});
