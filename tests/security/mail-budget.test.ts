// Each message has a time budget: a crafted mail that would keep the parser busy for minutes
// is filed as who, when and subject only, with a warning naming it, and the rest of the
// import goes on. The parser is the compiled one (dist/), as the CLI runs it: its worker
// thread is a compiled file.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/message.js';
import { kith, mail, teamRepo } from './hostile.js';

type ParserModule = typeof import('../../src/mail/parser.js');
const parserModule = new URL('../../dist/mail/parser.js', import.meta.url).href;
const load = () => import(parserModule) as Promise<ParserModule>;

// HTML of nothing but "<": each one starts a tag that never closes, and the time to read it
// grows as the square of its length (a 1 MB one takes minutes)
const slowMail = (id: string, bytes = 1_000_000) =>
  mail({
    from: 'Jane Doe <jane@acme.example>',
    subject: 'Slow to read',
    id,
    headers: 'MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n',
    body: '<'.repeat(bytes),
  });

// an ordinary letter, long enough to be parsed in the worker
const longMail = (id: string) =>
  mail({
    from: 'Jane Doe <jane@acme.example>',
    subject: 'The long letter',
    id,
    headers: 'MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n',
    body: `<p>${'Our numbers for the rollout look right to us. '.repeat(2000)}</p>`,
  });

const shortMail = (id: string, subject: string) =>
  mail({ from: 'Jane Doe <jane@acme.example>', subject, id, body: `About ${subject}.\n` });

describe('the parse time budget', { timeout: 180_000 }, () => {
  it('files a message over its time budget from its headers, and parses the next one in a new worker', async () => {
    const { MessageParser } = await load();
    const parser = new MessageParser({ budgetMs: 3000 });
    try {
      const slow = await parser.parse(slowMail('<slow@acme.example>'), 'slow.eml');
      expect(slow).toMatchObject({
        messageId: '<slow@acme.example>',
        subject: 'Slow to read',
        from: { name: 'Jane Doe', address: 'jane@acme.example' },
        date: '2026-11-10T09:00:00.000Z',
        text: '',
        overBudget: 'over its parse time budget of 3000 ms',
      });
      const next = await parser.parse(longMail('<long@acme.example>'), 'long.eml');
      expect(next.overBudget).toBeUndefined();
      expect(next.text).toContain('Our numbers for the rollout look right to us.');
    } finally {
      await parser.close();
    }
  });

  it('parses ordinary messages fully, small ones here and big ones in the worker, as parseMessage does', async () => {
    const { MessageParser, INLINE_BYTES } = await load();
    const parser = new MessageParser({ budgetMs: 60_000 });
    try {
      const raws = [shortMail('<a@acme.example>', 'Pricing'), longMail('<b@acme.example>'), longMail('<c@acme.example>')];
      expect(raws.map((r) => Buffer.byteLength(r) > INLINE_BYTES)).toEqual([false, true, true]);
      for (const raw of raws) {
        const parsed = await parser.parse(raw, 'x.eml', '2026-11-01T00:00:00.000Z');
        expect(parsed).toEqual(await parseMessage(raw, 'x.eml', '2026-11-01T00:00:00.000Z'));
        expect(parsed.overBudget).toBeUndefined();
      }
    } finally {
      await parser.close();
    }
  });

  it('keeps a headers-only parse small: only the headers the importer reads, each cut short', async () => {
    const { headersOnly } = await import('../../src/mail/message.js');
    const raw = `X-Junk: ${'j'.repeat(200_000)}\nFrom: Jane Doe <jane@acme.example>\nSubject: ${'s\n '.repeat(50_000)}end\n\nbody\n`;
    const head = headersOnly(raw).toString('latin1');
    expect(head).not.toContain('X-Junk');
    expect(head).toContain('From: Jane Doe <jane@acme.example>\n');
    expect(head.length).toBeLessThan(10_000);
    expect(head.endsWith('\n\n')).toBe(true);
  });

  it('through `kith import`: the slow message is filed as metadata with a warning, the others in full', () => {
    const s = teamRepo();
    const maildir = join(s.dir, '..', `Maildir-${Date.now()}`);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    writeFileSync(join(maildir, 'cur', '1.eml'), shortMail('<first@acme.example>', 'First things'));
    writeFileSync(join(maildir, 'cur', '2.eml'), slowMail('<slow@acme.example>', 300_000));
    writeFileSync(join(maildir, 'cur', '3.eml'), shortMail('<last@acme.example>', 'Last things'));
    // a budget of 1 ms: only the slow message is big enough to be parsed under the budget at all
    const tight = { ...s, env: { ...s.env, KITH_MAIL_PARSE_MS: '1' } };
    const r = kith(tight, ['import', 'maildir', maildir, '--json'], { timeout: 60_000 });
    expect(r.hung).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /2\.eml <slow@acme\.example>: over its parse time budget of 1 ms: filed as who, when and subject only/,
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ messages: 3, filed: 3 });
    const shown = readdirSync(join(s.dir, 'conversations/2026')).map(
      (name) => JSON.parse(kith(s, ['show', `conversations/2026/${name}`, '--json']).stdout),
    );
    const bySubject = Object.fromEntries(shown.map((v) => [v.subject, v.entries[0].text]));
    expect(bySubject).toEqual({
      'First things': 'About First things.',
      'Slow to read': '',
      'Last things': 'About Last things.',
    });
  });

  it('refuses a KITH_MAIL_PARSE_MS that is not a number of milliseconds', () => {
    const s = teamRepo();
    const r = kith({ ...s, env: { ...s.env, KITH_MAIL_PARSE_MS: 'soon' } }, ['import', 'eml', '-'], {
      input: shortMail('<x@acme.example>', 'Hi'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('KITH_MAIL_PARSE_MS is not a number of milliseconds: "soon"');
  });
});
