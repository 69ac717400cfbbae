import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emlSource, maildirSource } from '../../src/mail/files.js';
import { imapSource } from '../../src/mail/imap.js';
import { mboxSource } from '../../src/mail/mbox.js';
import { parseMessage } from '../../src/mail/message.js';
import type { MailSource } from '../../src/mail/source.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';

// Every mail source must hand over the same messages for the same mail: one contract.
const CORPUS = new URL('../fixtures/mail', import.meta.url).pathname;
const names = readdirSync(CORPUS).filter((n) => n.endsWith('.eml')).sort();
const raws = names.map((n) => readFileSync(join(CORPUS, n), 'utf8'));

async function read(source: MailSource) {
  const out = [];
  for await (const item of source.messages()) {
    if (item.kind !== 'message') continue;
    const m = await parseMessage(item.raw, item.origin, item.fallbackDate);
    out.push({ id: m.messageId, subject: m.subject, from: m.from?.address, date: m.dateSource === 'mbox' ? undefined : m.date, text: m.text.replace(/\s+$/, ''), attachments: m.attachments });
  }
  await source.commit?.();
  await source.close?.();
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

describe('mail sources: one contract', () => {
  let dovecot: Dovecot;
  const dir = mkdtempSync(join(tmpdir(), 'kith-sources-'));
  beforeAll(async () => { dovecot = await startDovecot(); });
  afterAll(() => dovecot?.stop());

  const sources: Record<string, () => MailSource> = {
    eml: () => emlSource(names.map((n) => join(CORPUS, n)), Readable.from([])),
    mbox: () => {
      const path = join(dir, 'corpus.mbox');
      writeFileSync(path, raws.map((r) => `From kith@test Thu Nov 19 10:00:00 2026\n${r.replace(/^(>*From )/gm, '>$1')}\n`).join(''));
      return mboxSource(path);
    },
    maildir: () => {
      const md = join(dir, 'Maildir');
      for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
      raws.forEach((r, i) => writeFileSync(join(md, i % 2 ? 'new' : 'cur', `${i}.test`), r));
      return maildirSource(md);
    },
    imap: () => {
      raws.forEach((r) => dovecot.deliver(r));
      return imapSource({ name: 'test', host: '127.0.0.1', port: dovecot.port, tls: 'starttls', user: dovecot.user, password_env: 'PW', ca: dovecot.caFile, mailboxes: ['INBOX'] },
        { vars: { PW: dovecot.password }, cursors: {}, saveCursors: () => {} });
    },
  };

  it.each(Object.keys(sources))('%s hands over every message of the corpus, parsed the same', async (name) => {
    const expected = await read(sources.eml!());
    expect(expected).toHaveLength(names.length);
    expect(await read(sources[name]!())).toEqual(expected);
  });
});
