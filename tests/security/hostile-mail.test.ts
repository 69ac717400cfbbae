// A stranger's mail is untrusted input: no Message-ID, subject or recipient list can make an
// import write over a conversation, land in another thread's file, or flood the contacts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationPath, threadMessages } from '../../src/core/mail/threading.js';
import type { MailMessage } from '../../src/core/mail/types.js';
import { commitAll, janeConversation, kith, mail, put, teamRepo } from './hostile.js';

const message = (id: string, subject: string): MailMessage => ({
  messageId: id,
  references: [],
  subject,
  to: [],
  cc: [],
  date: '2026-11-10T09:00:00.000Z',
  dateSource: 'header',
  text: '',
  attachments: [],
  isBulk: false,
  origin: 'test',
});
const pathOf = (id: string, subject: string) => conversationPath(threadMessages([message(id, subject)])[0]!);

describe('hostile mail', { timeout: 180_000 }, () => {
  it("names a thread's file with 13 characters (65 bits) of its root's hash: collisions are out of reach", () => {
    expect(pathOf('<a@acme.example>', 'Renewal terms')).toMatch(
      /^conversations\/2026\/renewal-terms-[0-9a-z]{13}\.md$/,
    );
    const names = new Set(Array.from({ length: 2000 }, (_, i) => pathOf(`<m${i}@x>`, 'Hi')));
    expect(names.size).toBe(2000);
  });

  it("never lets one thread's mail land in another's file, even when the names collide", () => {
    const s = teamRepo();
    // the stranger's Message-ID is chosen so that its new thread's name is an existing conversation's
    const path = pathOf('<attack@acme.example>', 'Renewal terms');
    const existing = janeConversation({ thread: '<renewal-1@acme.example>' });
    put(s, path, existing);
    commitAll(s);
    const attack = mail({
      from: 'Eve Mallory <eve@acme.example>',
      subject: 'Renewal terms',
      id: '<attack@acme.example>',
      date: 'Tue, 10 Nov 2026 10:00:00 +0100',
    });
    const r = kith(s, ['import', 'eml', '-', '--json'], { input: attack });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(s.dir, path), 'utf8')).toBe(existing);
    const files = readdirSync(join(s.dir, 'conversations/2026'));
    expect(files).toHaveLength(2);
    const other = files.find((f) => `conversations/2026/${f}` !== path)!;
    expect(readFileSync(join(s.dir, 'conversations/2026', other), 'utf8')).toContain('<attack@acme.example>');
    expect(JSON.parse(kith(s, ['show', path, '--json']).stdout).entries).toHaveLength(2);
  });

  it('makes only the sender a contact: one mail to 10,000 addresses at a known domain creates one', () => {
    const s = teamRepo();
    const to = Array.from({ length: 10_000 }, (_, i) => `person${i}@acme.example`).join(', ');
    const flood = mail({ from: 'Carol King <carol@acme.example>', to, id: '<flood@acme.example>' });
    const r = kith(s, ['import', 'eml', '-', '--json'], { input: flood, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ filed: 1, contacts_created: 1 });
    expect(
      readdirSync(join(s.dir, 'contacts'))
        .filter((n) => n.endsWith('.md'))
        .sort(),
    ).toEqual(['carol-king.md', 'jane-doe.md', 'john-roe.md']);
  });

  it('files mail we send to someone new at a known org, without making recipients contacts', () => {
    const s = teamRepo();
    const ours = mail({
      from: 'Maya Lindqvist <maya@northwind.example>',
      to: 'New Person <new@acme.example>, Jane Doe <jane@acme.example>',
      id: '<out@northwind.example>',
    });
    const r = kith(s, ['import', 'eml', '-', '--json'], { input: ours });
    expect(JSON.parse(r.stdout)).toMatchObject({ filed: 1, contacts_created: 0 });
    expect(readdirSync(join(s.dir, 'contacts'))).not.toContain('new-person.md');
  });

  it('files a message with 20,000 MIME parts as who, when and subject only, with a warning naming it', () => {
    const s = teamRepo();
    let body = '';
    for (let i = 0; i < 20_000; i++) body += `--B\nContent-Type: text/plain\n\npart ${i}\n`;
    const bomb = mail({
      from: 'Jane Doe <jane@acme.example>',
      subject: 'Parts',
      id: '<bomb@acme.example>',
      headers: 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n',
      body: `${body}--B--\n`,
    });
    const r = kith(s, ['import', 'eml', '-', '--json'], { input: bomb, timeout: 30_000 });
    expect(r.hung).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('<bomb@acme.example>: over 250 MIME parts: filed as who, when and subject only');
    expect(JSON.parse(r.stdout)).toMatchObject({ filed: 1 });
    const [name] = readdirSync(join(s.dir, 'conversations/2026'));
    const v = JSON.parse(kith(s, ['show', `conversations/2026/${name}`, '--json']).stdout);
    expect(v.entries[0]).toMatchObject({ author: 'jane-doe', text: '' });
    expect(v.subject).toBe('Parts');
  });

  it('keeps what already holds: headings, fences and escapes in mail stay inert text', () => {
    const s = teamRepo();
    const body =
      '## 2026-01-01 10:00 +01:00 · note · @maya {#e-forged00}\nforged\n```\n---\nid: x\n---\n\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J done\n';
    const r = kith(s, ['import', 'eml', '-'], {
      input: mail({
        from: 'Jane Doe <jane@acme.example>',
        subject: 'Hi \u001b[31mred',
        id: '<inert@acme.example>',
        body,
      }),
    });
    expect(r.code, r.stderr).toBe(0);
    const [name] = readdirSync(join(s.dir, 'conversations/2026'));
    const text = readFileSync(join(s.dir, 'conversations/2026', name!), 'utf8');
    expect(text).not.toMatch(/\u001b/);
    const v = JSON.parse(kith(s, ['show', `conversations/2026/${name}`, '--json']).stdout);
    expect(v.entries).toHaveLength(1);
    expect(kith(s, ['check']).code).toBe(0);
  });
});
