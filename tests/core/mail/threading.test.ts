import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../src/core/mail/index.js';
import { conversationPath, normaliseSubject, threadMessages } from '../../../src/core/mail/index.js';
import { contentHash } from '../../../src/core/model/index.js';

const msg = (id: string, fields: Partial<MailMessage> = {}): MailMessage => ({
  messageId: id, references: [], subject: 'Pricing', from: { address: 'jane@acme.example' }, to: [{ address: 'maya@northwind.example' }], cc: [],
  dateSource: 'header', text: '', attachments: [], isBulk: false, origin: id, date: '2026-11-01T10:00:00.000Z', ...fields,
});
const shape = (messages: MailMessage[], opts = {}) => threadMessages(messages, opts).map((t) => [t.root, t.messages.map((m) => m.messageId)]);
const ours = { isOurAddress: (a: string) => a.endsWith('@northwind.example') };

describe('subject normalisation', () => {
  it.each([
    ['Re: Fwd: RE: AW: SV: Pricing', 'pricing'],
    ['Fw: TR: WG: Antw: Pricing', 'pricing'],
    ['[EXT] Re:  Pricing  terms', 'pricing terms'],
    ['Re[3]: Offer', 'offer'],
    ['Pricing', 'pricing'],
    ['Re: ', ''],
  ])('reads %j as %j', (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });
});

describe('threading by References and In-Reply-To', () => {
  it('joins a reply to its thread even when every ancestor is missing', () => {
    expect(shape([
      msg('<c@x>', { references: ['<a@x>', '<b@x>'], date: '2026-11-03T10:00:00.000Z' }),
      msg('<d@x>', { inReplyTo: '<c@x>', date: '2026-11-04T10:00:00.000Z' }),
    ])).toEqual([['<a@x>', ['<c@x>', '<d@x>']]]);
  });

  it('joins two replies through an ancestor neither of them carries itself', () => {
    expect(shape([
      msg('<b@x>', { references: ['<a@x>'], date: '2026-11-02T10:00:00.000Z' }),
      msg('<c@x>', { references: ['<a@x>'], date: '2026-11-03T10:00:00.000Z', subject: 'Something else' }),
    ])).toEqual([['<a@x>', ['<b@x>', '<c@x>']]]);
  });

  it('gives the same threads whatever the order of the input', () => {
    const list = [
      msg('<a@x>'), msg('<b@x>', { inReplyTo: '<a@x>', date: '2026-11-02T10:00:00.000Z' }),
      msg('<z@x>', { subject: 'Other', from: { address: 'bob@globex.example' } }),
      msg('<c@x>', { references: ['<a@x>', '<b@x>'], date: '2026-11-03T10:00:00.000Z' }),
    ];
    expect(shape([...list].reverse(), ours)).toEqual(shape(list, ours));
    expect(shape([list[2]!, list[0]!, list[3]!, list[1]!], ours)).toEqual(shape(list, ours));
  });
});

describe('threading by subject, for mail without references', () => {
  const thread = [msg('<a@x>'), msg('<b@x>', { references: ['<a@x>'], subject: 'Re: Pricing', date: '2026-11-02T10:00:00.000Z' })];

  it('joins an unlinked "RE: Fwd:" reply from the same people within 60 days', () => {
    const lone = msg('<lone@x>', { subject: 'RE: Fwd: pricing', date: '2026-12-20T10:00:00.000Z' });
    expect(shape([...thread, lone], ours)).toEqual([['<a@x>', ['<a@x>', '<b@x>', '<lone@x>']]]);
  });

  it('keeps it apart when only we are in common', () => {
    const lone = msg('<lone@x>', { subject: 'Re: Pricing', from: { address: 'bob@globex.example' }, date: '2026-11-05T10:00:00.000Z' });
    expect(shape([...thread, lone], ours)).toEqual([['<a@x>', ['<a@x>', '<b@x>']], ['<lone@x>', ['<lone@x>']]]);
  });

  it('keeps it apart after more than 60 days', () => {
    const lone = msg('<lone@x>', { subject: 'Re: Pricing', date: '2027-01-15T10:00:00.000Z' });
    expect(shape([...thread, lone], ours)).toEqual([['<a@x>', ['<a@x>', '<b@x>']], ['<lone@x>', ['<lone@x>']]]);
  });

  it('keeps it apart when the subject differs, or is empty', () => {
    expect(shape([...thread, msg('<l1@x>', { subject: 'Re: Pricing for 2027' })], ours)).toEqual([
      ['<a@x>', ['<a@x>', '<b@x>']],
      ['<l1@x>', ['<l1@x>']],
    ]);
    expect(shape([msg('<e1@x>', { subject: 'Re:' }), msg('<e2@x>', { subject: '' })], ours)).toEqual([
      ['<e1@x>', ['<e1@x>']],
      ['<e2@x>', ['<e2@x>']],
    ]);
  });

  it('never moves a message that has references of its own', () => {
    const other = msg('<r@x>', { references: ['<elsewhere@x>'], subject: 'Re: Pricing', date: '2026-11-03T10:00:00.000Z' });
    expect(shape([...thread, other], ours)).toEqual([
      ['<a@x>', ['<a@x>', '<b@x>']],
      ['<elsewhere@x>', ['<r@x>']],
    ]);
  });

  it('matches participants without regard to case or +tags', () => {
    const lone = msg('<lone@x>', { subject: 'Re: Pricing', from: { address: 'Jane+sales@ACME.example'.toLowerCase() }, date: '2026-11-05T10:00:00.000Z' });
    expect(shape([...thread, lone], ours)).toEqual([['<a@x>', ['<a@x>', '<b@x>', '<lone@x>']]]);
  });
});

describe('the conversation file of a thread', () => {
  const root = msg('<root@x>', { subject: 'SSO pricing', date: '2025-12-30T10:00:00.000Z' });
  const reply = msg('<r1@x>', { references: ['<root@x>'], inReplyTo: '<root@x>', subject: 'Re: SSO pricing', date: '2026-01-04T10:00:00.000Z' });
  const later = msg('<r2@x>', { references: ['<root@x>', '<r1@x>'], subject: 'RE: Re: SSO pricing', date: '2026-01-05T10:00:00.000Z' });

  it('is named from the root: year, subject and a hash of its id', () => {
    const path = conversationPath(threadMessages([root, reply, later])[0]!);
    expect(path).toBe(`conversations/2025/sso-pricing-${contentHash('<root@x>', 13)}.md`);
  });

  it('is the same for any slice of the thread that holds the root, in any order', () => {
    const full = conversationPath(threadMessages([root, reply, later])[0]!);
    expect(conversationPath(threadMessages([later, root])[0]!)).toBe(full);
    expect(conversationPath(threadMessages([reply, root])[0]!)).toBe(full);
  });

  it('keeps the root hash for a slice without the root, so a later import finds the file by its thread', () => {
    const t = threadMessages([later, reply])[0]!;
    expect(t.root).toBe('<root@x>');
    expect(conversationPath(t)).toMatch(new RegExp(`-${contentHash('<root@x>', 13)}\\.md$`));
  });

  it('cannot be steered out of conversations/ by its subject', () => {
    const path = conversationPath(threadMessages([msg('<p@x>', { subject: '../../etc/passwd\u0000 ---' })])[0]!);
    expect(path).toMatch(/^conversations\/2026\/[a-z0-9-]+-[0-9a-z]{13}\.md$/);
  });
});
