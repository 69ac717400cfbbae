import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/core/model/index.js';
import { planImport, type ImportOptions } from '../../../src/core/mail/index.js';
import type { MailMessage } from '../../../src/core/mail/index.js';
import { contact, conversation, deal, org, repo, settings } from '../../helpers/records.js';

// Acme is a known org (one open deal); Jane is a contact there; Maya and Tom are teammates.
const base = () => repo({
  settings: settings({ domains: ['NorthWind.example'], members: [{ handle: 'maya', name: 'Maya', emails: ['maya@northwind.example'] }, { handle: 'tom', name: 'Tom', emails: ['tom@gmail.example'] }] }),
  orgs: [org('acme', { domains: ['ACME.example'], owner: 'maya' }), org('globex', { domains: ['globex.example'] })],
  contacts: [contact('jane-doe', { name: 'Jane Doe', emails: ['jane.doe@acme.example'], org: 'acme' }), contact('free-agent', { emails: ['fa@free.example'] })],
  deals: [deal('acme-sso', { org: 'acme', stage: 'proposal' }), deal('acme-old', { org: 'acme', stage: 'won' }), deal('orgless', { stage: 'lead' })],
});
const opts: ImportOptions = { bodies: 'trimmed', zone: 'Europe/Paris', today: '2026-11-25' };
let n = 0;
const mail = (fields: Partial<MailMessage> = {}): MailMessage => ({
  messageId: `<m${n++}@test>`, references: [], subject: 'SSO pricing', from: { name: 'Jane Doe', address: 'jane.doe@acme.example' },
  to: [{ address: 'maya@northwind.example' }], cc: [], date: '2026-11-20T09:00:00.000Z', dateSource: 'header',
  text: 'Hello', attachments: [], isBulk: false, origin: 'test', ...fields,
});

describe('which mail is filed', () => {
  it('files mail with a contact, skips internal, unknown, bulk and unusable mail, and counts each', () => {
    const plan = planImport(base(), [
      mail(),
      mail({ from: { address: 'maya@northwind.example' }, to: [{ address: 'tom@gmail.example' }] }), // internal: a teammate's other address
      mail({ from: { address: 'MAYA+crm@northwind.EXAMPLE'.toLowerCase() }, to: [{ address: 'ops@northwind.example' }] }), // internal
      mail({ from: { address: 'stranger@nowhere.example' } }), // unknown
      mail({ from: { address: 'news@acme.example' }, isBulk: true }), // a newsletter from a known domain
      mail({ from: undefined }), // invalid
      mail({ date: undefined }), // invalid
    ], opts);
    expect(plan.summary).toEqual({ messages: 7, filed: 1, duplicates: 0, skipped: { internal: 2, unknown: 2, invalid: 2 }, conversations: { created: 1, updated: 0 }, contacts_created: 0 });
    expect(plan.events.map((e) => e.kind)).toEqual(['internal', 'internal', 'unknown', 'unknown', 'invalid', 'invalid', 'filed']);
  });

  it('matches addresses without regard to case or +tags', () => {
    const plan = planImport(base(), [mail({ from: { address: 'jane.doe+crm@acme.example' } })], opts);
    expect(plan.summary).toMatchObject({ filed: 1, contacts_created: 0 });
    expect(plan.conversations[0]!.entries[0]!.author).toBe('jane-doe');
  });

  it('files a newsletter only when a known contact sent it', () => {
    expect(planImport(base(), [mail({ isBulk: true })], opts).summary.filed).toBe(1);
  });

  it('counts a message already filed, or twice in one run, as a duplicate', () => {
    const filed = conversation('sso', { entries: [{ id: 'e-1', at: '2026-11-19T10:00+01:00', type: 'mail', author: 'jane-doe', meta: { 'message-id': '<old@test>' }, text: '', line: 5 }] });
    const again = mail({ messageId: '<new@test>' });
    const plan = planImport({ ...base(), conversations: [filed] }, [mail({ messageId: '<old@test>' }), again, { ...again, origin: 'second copy' }], opts);
    expect(plan.summary).toMatchObject({ messages: 3, filed: 1, duplicates: 2 });
  });
});

describe('new contacts', () => {
  it('makes someone new at a known org (any case, any subdomain) a contact of it, once, with a slug of their own', () => {
    const r = base();
    const withJane2 = { ...r, contacts: [...r.contacts, contact('sam-lee', { emails: ['sam@else.example'] })] };
    const plan = planImport(withJane2, [
      mail({ from: { name: 'Sam Lee', address: 'sam.lee@eu.acme.example' } }),
      mail({ from: { name: 'Sam Lee', address: 'sam.lee+x@eu.acme.example' }, date: '2026-11-21T09:00:00.000Z' }),
    ], opts);
    expect(plan.summary.contacts_created).toBe(1);
    expect(plan.contacts).toEqual([{
      path: 'contacts/sam-lee-2.md',
      fields: { id: contentId('contact', 'sam.lee@eu.acme.example'), name: 'Sam Lee', emails: ['sam.lee@eu.acme.example'], org: 'acme', owner: 'maya', created: '2026-11-20', created_by: 'import' },
    }]);
    expect(plan.conversations[0]!.entries.map((e) => e.author)).toEqual(['sam-lee-2', 'sam-lee-2']);
  });

  it('names someone without a display name from the address', () => {
    const plan = planImport(base(), [mail({ from: { address: 'li.wei@acme.example' } })], opts);
    expect(plan.contacts[0]!.fields).toMatchObject({ name: 'Li Wei' });
  });
});

describe('entries', () => {
  it('keeps who, when, subject, attachments and the trimmed text, with an id derived from the Message-ID', () => {
    const m = mail({
      messageId: '<abc@acme.example>', cc: [{ name: 'Tom', address: 'tom@gmail.example' }],
      text: 'Yes, go ahead.\n## 2026-01-01 · note · @maya {#e-forged00}\n\nOn Mon, Maya wrote:\n> old',
      attachments: [{ name: 'report.pdf', size: 2_200_000 }, { name: 'logo.png', size: 5_000 }],
    });
    const [entry] = planImport(base(), [m], opts).conversations[0]!.entries;
    expect(entry).toEqual({
      id: contentId('entry', '<abc@acme.example>'), at: '2026-11-20T10:00+01:00', type: 'mail', author: 'jane-doe',
      meta: { from: 'Jane Doe <jane.doe@acme.example>', to: 'maya@northwind.example', cc: 'Tom <tom@gmail.example>', subject: 'SSO pricing', 'message-id': '<abc@acme.example>', attachments: 'report.pdf (2.1 MB), logo.png (5 KB)', dated: '' },
      // kept as written: the timeline escapes it when it writes the entry
      text: 'Yes, go ahead.\n## 2026-01-01 · note · @maya {#e-forged00}',
    });
  });

  it('says where the date came from when the message had no Date', () => {
    const plan = planImport(base(), [mail({ dateSource: 'received' }), mail({ dateSource: 'mbox', subject: 'Other' })], opts);
    expect(plan.conversations.map((v) => v.entries[0]!.meta.dated).sort()).toEqual(['mbox', 'received']);
  });

  it('writes the author as @handle for a teammate, or the local part at our domain', () => {
    const plan = planImport(base(), [
      mail({ from: { address: 'tom@gmail.example' }, to: [{ address: 'jane.doe@acme.example' }] }),
      mail({ from: { address: 'sales+x@northwind.example' }, to: [{ address: 'jane.doe@acme.example' }], subject: 'Other' }),
    ], opts);
    expect(plan.conversations.map((v) => v.entries[0]!.author).sort()).toEqual(['@sales', '@tom']);
  });

  it.each([['full', 'Yes.\n\nOn Mon, Maya wrote:\n> old'], ['trimmed', 'Yes.'], ['none', '']] as const)('keeps the %s text', (bodies, expected) => {
    const plan = planImport(base(), [mail({ text: 'Yes.\n\nOn Mon, Maya wrote:\n> old' })], { ...opts, bodies });
    expect(plan.conversations[0]!.entries[0]!.text).toBe(expected);
  });
});

describe('conversations', () => {
  it('starts a new one linked to the org and its one open deal, our turn after their message', () => {
    const [v] = planImport(base(), [mail({ date: '2026-11-20T09:00:00.000Z' })], opts).conversations; // a Friday
    expect(v!.fields).toMatchObject({ subject: 'SSO pricing', participants: ['jane-doe'], org: 'acme', deal: 'acme-sso', owner: 'maya', turn: 'us', next: '2026-11-24' });
    expect(v!.path).toMatch(/^conversations\/2026\/sso-pricing-[0-9a-z]{13}\.md$/);
  });

  it('links no deal when the org has two open ones, or when there is no org', () => {
    const r = base();
    const two = { ...r, deals: [...r.deals, deal('acme-two', { org: 'acme', stage: 'lead' })] };
    expect(planImport(two, [mail()], opts).conversations[0]!.fields!.deal).toBeUndefined();
    const lone = planImport(base(), [mail({ from: { address: 'fa@free.example' } })], opts).conversations[0]!;
    expect(lone.fields).toMatchObject({ participants: ['free-agent'], org: undefined, deal: undefined });
  });

  it('is their turn after our message, with the nudge interval', () => {
    const [v] = planImport(base(), [mail({ from: { address: 'maya@northwind.example' }, to: [{ address: 'jane.doe@acme.example' }] })], opts).conversations;
    expect(v!.fields).toMatchObject({ turn: 'them', next: '2026-11-27' });
    expect(v!.entries[0]!.author).toBe('@maya');
  });

  it('adds to the conversation that already holds the thread, found by its root or any message', () => {
    const filed = conversation('sso', {
      path: 'conversations/2026/sso-pricing-abcdef.md', participants: ['jane-doe'], turn: 'them', data: { thread: '<root@test>' },
      entries: [{ id: 'e-1', at: '2026-11-10T10:00+01:00', type: 'mail', author: '@maya', meta: { 'message-id': '<m-old@test>' }, text: '', line: 5 }],
    });
    const r = { ...base(), conversations: [filed] };
    const byRoot = planImport(r, [mail({ references: ['<root@test>'] })], opts);
    const byMessage = planImport(r, [mail({ inReplyTo: '<m-old@test>', from: { address: 'bob@acme.example' } })], opts);
    for (const plan of [byRoot, byMessage]) {
      expect(plan.summary.conversations).toEqual({ created: 0, updated: 1 });
      expect(plan.conversations[0]).toMatchObject({ path: filed.path, turn: 'us', next: '2026-11-24' });
    }
    expect(byMessage.conversations[0]!.addParticipants).toEqual(['bob']);
  });

  it('adds an unlinked reply to a filed conversation with the same subject and people, within 60 days', () => {
    const filed = conversation('sso', {
      subject: 'SSO pricing', participants: ['jane-doe'],
      entries: [{ id: 'e-1', at: '2026-11-10T10:00+01:00', type: 'mail', author: '@maya', meta: {}, text: '', line: 5 }],
    });
    const r = { ...base(), conversations: [filed] };
    expect(planImport(r, [mail({ subject: 'RE: SSO Pricing' })], opts).conversations[0]!.path).toBe(filed.path);
    expect(planImport(r, [mail({ subject: 'RE: SSO Pricing', date: '2027-02-01T10:00:00.000Z' })], opts).summary.conversations.created).toBe(1);
    expect(planImport(r, [mail({ subject: 'RE: SSO Pricing', from: { address: 'bob@acme.example' } })], opts).summary.conversations.created).toBe(1);
  });

  it('leaves whose turn it is alone when the file already holds something newer', () => {
    const filed = conversation('sso', {
      participants: ['jane-doe'], turn: 'them', next: '2026-12-01', data: { thread: '<root@test>' },
      entries: [{ id: 'e-1', at: '2026-11-24T10:00+01:00', type: 'mail', author: '@maya', meta: {}, text: '', line: 5 }],
    });
    const [v] = planImport({ ...base(), conversations: [filed] }, [mail({ references: ['<root@test>'] })], opts).conversations;
    expect([v!.turn, v!.next]).toEqual([undefined, undefined]);
  });

  it('puts two threads of one run that belong to the same filed conversation into one plan', () => {
    const filed = conversation('sso', {
      participants: ['jane-doe'],
      entries: ['<a@test>', '<b@test>'].map((id, i) => ({ id: `e-${i}`, at: `2026-11-1${i}T10:00+01:00`, type: 'mail' as const, author: '@maya', meta: { 'message-id': id }, text: '', line: 5 + i })),
    });
    const plan = planImport({ ...base(), conversations: [filed] }, [mail({ inReplyTo: '<a@test>' }), mail({ inReplyTo: '<b@test>', date: '2026-11-21T09:00:00.000Z' })], opts);
    expect(plan.conversations.map((v) => v.path)).toEqual([filed.path]);
    expect(plan.conversations[0]!.entries.map((e) => e.at)).toEqual(['2026-11-20T10:00+01:00', '2026-11-21T10:00+01:00']);
    expect(plan.summary).toMatchObject({ filed: 2, conversations: { created: 0, updated: 1 } });
  });

  it('plans the same files whatever the order of the messages', () => {
    const list = [mail({ messageId: '<r@t>' }), mail({ messageId: '<s@t>', inReplyTo: '<r@t>', from: { address: 'maya@northwind.example' }, date: '2026-11-21T09:00:00.000Z' }), mail({ subject: 'Other', from: { name: 'Sam', address: 'sam@globex.example' } })];
    const paths = (ms: MailMessage[]) => planImport(base(), ms, opts).conversations.map((v) => [v.path, v.entries.map((e) => e.id)]).sort();
    expect(paths([...list].reverse())).toEqual(paths(list));
  });
});

describe('reducing messages before planning', () => {
  it('gives the same plan as the full messages, with less text held', async () => {
    const { reduceForPlan } = await import('../../../src/core/mail/index.js');
    const texts = [
      'Yes.\n\nOn Mon, Maya wrote:\n> old\n> older',
      '> Can you?\nYes.\n> And?\nNo.\n-- \nJane',
      'Agreed.\n\n-----Original Message-----\nFrom: Maya\nSent: Tuesday\n\nFrom: Bob\nSent: Monday',
      'Plain text with\n## 2026-01-01 a heading lookalike',
    ];
    const messages = texts.map((text, i) => mail({ text, subject: `S${i}` }));
    for (const bodies of ['full', 'trimmed', 'none'] as const) {
      const reduced = messages.map((m) => reduceForPlan(m, bodies));
      expect(planImport(base(), reduced, { ...opts, bodies })).toEqual(planImport(base(), messages, { ...opts, bodies }));
    }
    expect(reduceForPlan(messages[0]!, 'trimmed').text).toBe('Yes.');
    expect(reduceForPlan(messages[0]!, 'none').text).toBe('');
  });
});
