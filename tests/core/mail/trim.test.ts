import { describe, expect, it } from 'vitest';
import { htmlToText, trimReply } from '../../../src/core/mail/index.js';

describe('trimming a reply to its new text', () => {
  it.each([
    ['a Gmail quote', 'Sounds good.\n\nOn Tue, 17 Nov 2026 at 10:00, Maya <maya@northwind.example> wrote:\n> Shall we?', 'Sounds good.'],
    ['a French quote', 'D’accord.\n\nLe mar. 17 nov. 2026 à 10:00, Maya a écrit :\n> On y va ?', 'D’accord.'],
    ['a German quote', 'Gut.\n\nAm Di., 17. Nov. 2026 um 10:00 Uhr schrieb Maya <m@x>:\n> Ja?', 'Gut.'],
    ['an Outlook original message', 'Agreed.\r\n\r\n-----Original Message-----\r\nFrom: Maya\r\nSent: Tuesday', 'Agreed.'],
    ['an Outlook header block', 'Agreed.\n\nFrom: Maya Lindqvist <maya@northwind.example>\nSent: Tuesday, November 17, 2026 10:00 AM\nTo: Jane\nSubject: RE: x\n\nold', 'Agreed.'],
    ['a French Outlook header block', 'Oui.\n\nDe : Maya Lindqvist\nEnvoyé : mardi 17 novembre 2026 10:00\nÀ : Jane', 'Oui.'],
    ['an Outlook rule', 'Fine.\n________________________________\nFrom: Maya\nSent: Tuesday', 'Fine.'],
    ['a forwarded message', 'FYI\n\n---------- Forwarded message ---------\nFrom: Bob', 'FYI'],
    ['interleaved quotes', '> Can you do 400 seats?\nYes.\n> And SSO?\nAlso yes.', 'Yes.\nAlso yes.'],
    ['a signature', 'See you then.\n\nBest,\nJane\n-- \nJane Doe · CTO · Acme\n+33 1 84 88 00 00', 'See you then.\n\nBest,\nJane'],
  ])('drops %s', (_what, input, expected) => {
    expect(trimReply(input)).toBe(expected);
  });

  it.each([
    ['a sentence that starts with From:', 'From: the start we agreed on 400 seats.\nBest,\nJane'],
    ['a sign-off without a signature marker', 'Thanks a lot!\n\nKind regards,\nJane Doe\nCTO, Acme'],
    ['text that only mentions "wrote:"', 'Bob wrote: the quote is fine.'],
  ])('keeps %s', (_what, input) => {
    expect(trimReply(input)).toBe(input);
  });
});

describe('HTML to text', () => {
  it('keeps paragraphs, lists and links, and drops scripts, styles and comments', () => {
    const html = '<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hidden --><p>Hello&nbsp;Maya,</p><ul><li>one</li><li>two &amp; three</li></ul><p>See <a href="https://acme.example/q">the quote</a> or <a href="mailto:jane@acme.example">mail me</a>.<br>Jane</p><script>alert(1)</script></body></html>';
    expect(htmlToText(html)).toBe('Hello Maya,\n- one\n- two & three\nSee the quote (https://acme.example/q) or mail me.\nJane');
  });

  it('decodes named and numeric entities, curly quotes and the euro sign included', () => {
    expect(htmlToText('&ldquo;final&rdquo; &#8364;50&#x2009;000 &euro; &lt;b&gt;')).toBe('“final” €50\u2009000 € <b>');
  });

  it('never lets an entity or an unclosed script bring in control characters or code', () => {
    expect(htmlToText('a&#27;[31mb&#7;c&#x202E;d&#0;e')).toBe('a[31mbcde');
    expect(htmlToText('<p>ok</p><script>alert(1)')).toBe('ok');
  });
});
