import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, seededRepo, type Sandbox } from '../helpers/cli.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { mbox } from '../helpers/mail.js';

const CORPUS = new URL('../fixtures/mail', import.meta.url).pathname;
const corpus = () =>
  readdirSync(CORPUS)
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .map((n) => join(CORPUS, n));
const json = (s: Sandbox, args: string[], input?: string) => {
  const r = s.kith(args, { input });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const tree = (s: Sandbox) => s.git(['rev-parse', 'HEAD^{tree}']).trim();
const files = (s: Sandbox, dir: string) => readdirSync(join(s.dir, dir)).sort();

describe('kith import', () => {
  it('files the corpus of tricky mail, and skips what is not ours to keep', () => {
    const s = seededRepo();
    expect(json(s, ['import', 'eml', ...corpus(), '--json'])).toEqual({
      messages: 16,
      filed: 11,
      duplicates: 1,
      skipped: { internal: 1, unknown: 2, invalid: 1 },
      conversations: { created: 9, updated: 0 },
      contacts_created: 2,
    });
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(s.git(['log', '-1', '--format=%s'])).toBe(
      'import 11 messages from 16 files: 9 conversations created, 0 updated, 2 contacts created\n',
    );
    const sso = JSON.parse(s.kith(['show', 'sso-pricing', '--json']).stdout);
    expect(sso).toMatchObject({
      participants: ['bob-stone', 'jane-doe', 'john-roe'],
      org: 'acme',
      deal: 'acme-sso-rollout',
      turn: 'us',
      next: '2026-11-20',
    });
    expect(
      sso.entries.map((e: { author: string; message_id: string; text: string }) => [e.author, e.message_id, e.text]),
    ).toEqual([
      [
        '@maya',
        '<sso-1@northwind.example>',
        'Hi Jane,\n\nhere is our SSO pricing for 400 seats: EUR 48,000 a year.\n\nMaya',
      ],
      ['jane-doe', '<sso-2@acme.example>', 'Thanks Maya, legal will review by the 10th.'],
      ['bob-stone', '<budget@acme.example>', 'Our budget is €50,000 – it’s “final”.'],
    ]);
    const bob = readFileSync(join(s.dir, 'contacts/bob-stone.md'), 'utf8');
    expect(bob).toContain('org: acme\n');
    expect(bob).toContain('created_by: import\n');
    expect(s.kith(['check']).code).toBe(0);
  });

  it('keeps hostile mail as inert text: no escapes, no forged entries, no path tricks', () => {
    const s = seededRepo();
    json(s, ['import', 'eml', join(CORPUS, '08-hostile.eml'), '--json']);
    const [name] = files(s, 'conversations/2026');
    expect(name).toMatch(/^etc-passwd-js-[0-9a-z]{13}\.md$/);
    const text = readFileSync(join(s.dir, 'conversations/2026', name!), 'utf8');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const v = JSON.parse(s.kith(['show', `conversations/2026/${name}`, '--json']).stdout);
    expect(v.entries).toHaveLength(1);
    // shown as written, stored escaped: one entry, not two
    expect(v.entries[0].text).toContain('\n## 2026-01-01 10:00 +01:00 · note · @maya {#e-forged00}');
    expect(text).toContain('\n\\## 2026-01-01 10:00 +01:00 · note · @maya {#e-forged00}');
    expect(readdirSync(join(s.dir, 'contacts'))).not.toContain('c-injected0000.md');
    expect(s.kith(['check']).code).toBe(0);
  });

  it('never files a message twice, from another source or another day, and adds to the same conversation', () => {
    const s = seededRepo();
    json(s, ['import', 'eml', join(CORPUS, '01-ours.eml'), '--json']);
    const again = json(s, ['import', 'eml', ...corpus(), '--json']);
    expect(again).toMatchObject({ filed: 10, duplicates: 2, conversations: { created: 8, updated: 1 } });
    const third = json(s, ['import', 'eml', ...corpus(), '--json']);
    expect(third).toMatchObject({ filed: 0, duplicates: 12 });
    expect(s.git(['log', '-1', '--format=%s'])).toContain('import 10 messages');
    const v = JSON.parse(s.kith(['show', 'sso-pricing', '--json']).stdout);
    expect(v.entries).toHaveLength(3);
  });

  it('reads what is filed from the index cache while no file moved, and sees a file edited outside kith', () => {
    const s = seededRepo();
    json(s, ['import', 'eml', join(CORPUS, '01-ours.eml'), '--json']);
    // once a command has read it back older than the cache (git's racy rule), the cache vouches for it
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(s.kith(['ls', 'conversations']).code).toBe(0);
    // the cache keeps each entry's message id: made to name the reply's, it is believed
    const cache = join(s.dir, '.kith/cache');
    const shard = readdirSync(cache).find((n) =>
      readFileSync(join(cache, n), 'utf8').includes('<sso-1@northwind.example>'),
    );
    expect(shard).toBeDefined();
    const text = readFileSync(join(cache, shard!), 'utf8');
    writeFileSync(join(cache, shard!), text.replace('"<sso-1@northwind.example>"]', '"<sso-2@acme.example>"]'));
    const reply = join(CORPUS, '02-reply.eml');
    expect(json(s, ['import', 'eml', reply, '--json'])).toMatchObject({ filed: 0, duplicates: 1 });
    // a commit made outside kith moves the file: it is read again, and the reply is filed
    const [path] = s.git(['ls-files', 'conversations/*.md']).trim().split('\n');
    writeFileSync(join(s.dir, path!), `${readFileSync(join(s.dir, path!), 'utf8')}\n`);
    s.git(['commit', '-qam', 'a blank line']);
    expect(json(s, ['import', 'eml', reply, '--json'])).toMatchObject({ filed: 1, duplicates: 0 });
    expect(s.kith(['check']).code).toBe(0);
  });

  it('reads one message from standard input', () => {
    const s = seededRepo();
    const r = json(s, ['import', 'eml', '-', '--json'], readFileSync(join(CORPUS, '02-reply.eml'), 'utf8'));
    expect(r).toMatchObject({ filed: 1, conversations: { created: 1 } });
  });

  it('files metadata only with --bodies none, and nothing at all with --dry-run', () => {
    const s = seededRepo();
    const head = s.git(['rev-parse', 'HEAD']);
    expect(s.kith(['import', 'eml', ...corpus(), '--dry-run']).stdout).toContain('would file 11 of 16 messages');
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(s.git(['status', '--porcelain'])).toBe('');
    json(s, ['import', 'eml', join(CORPUS, '02-reply.eml'), '--bodies', 'none', '--json']);
    const [name] = files(s, 'conversations/2026');
    const text = readFileSync(join(s.dir, 'conversations/2026', name!), 'utf8');
    expect(text).toContain('subject: Re: SSO pricing');
    expect(text).not.toContain('legal will review');
  });

  it('reads mbox files (mboxrd, CRLF) and Maildirs the same way', () => {
    const a = seededRepo();
    writeFileSync(join(a.dir, '..', 'lf.mbox'), mbox(40, { threads: 5 }));
    const viaMbox = json(a, ['import', 'mbox', join(a.dir, '..', 'lf.mbox'), '--json']);
    const b = seededRepo();
    writeFileSync(join(b.dir, '..', 'crlf.mbox'), mbox(40, { threads: 5, crlf: true }));
    expect(json(b, ['import', 'mbox', join(b.dir, '..', 'crlf.mbox'), '--json'])).toEqual(viaMbox);
    const c = seededRepo();
    const maildir = join(c.dir, '..', 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    for (const file of corpus()) cpSync(file, join(maildir, 'cur', file.replace(/^.*\//, '')));
    expect(json(c, ['import', 'maildir', maildir, '--json'])).toMatchObject({ messages: 16, filed: 11, duplicates: 1 });
    expect(viaMbox).toMatchObject({ messages: 40, filed: 40, conversations: { created: 5 }, contacts_created: 5 });
  });

  it('keeps a huge message to its first part, with a warning, in bounded memory', () => {
    const s = seededRepo();
    const path = join(s.dir, '..', 'huge.mbox');
    const attachment = 'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n'.repeat(420_000);
    writeFileSync(
      path,
      `From x Thu Nov 19 10:00:00 2026\nFrom: Jane Doe <jane@acme.example>\nTo: maya@northwind.example\nSubject: Big deck\nDate: Thu, 19 Nov 2026 10:00:00 +0100\nMessage-ID: <huge@acme.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nDeck attached.\n--B\nContent-Type: application/octet-stream; name="deck.bin"\nContent-Transfer-Encoding: base64\n\n${attachment}--B--\n`,
    );
    const r = s.kith(['import', 'mbox', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('message over 25 MB: kept its first part only');
    expect(JSON.parse(r.stdout)).toMatchObject({ filed: 1 });
    const v = JSON.parse(s.kith(['show', 'big-deck', '--json']).stdout);
    expect(v.entries[0].text).toBe('Deck attached.');
  });

  it('after a SIGKILL mid-import, running it again leaves the repo as one clean run would', async () => {
    const clean = seededRepo();
    const big = join(clean.dir, '..', 'big.mbox');
    // known people at a known org: person0..person39@acme.example all get filed
    writeFileSync(big, mbox(3000, { threads: 40 }));
    json(clean, ['import', 'mbox', big, '--json']);
    for (const delay of [250, 700, 1200]) {
      const s = seededRepo();
      // same seed state: the seeded repos differ only in random ids, so compare the import's files
      const child = spawn(process.execPath, [BIN, 'import', 'mbox', big], { cwd: s.dir, env: s.env, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      rmSync(join(s.dir, '.git/index.lock'), { force: true });
      const again = s.kith(['import', 'mbox', big, '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(s.git(['status', '--porcelain'])).toBe('');
      for (const dir of ['contacts', 'conversations/2026']) {
        expect(files(s, dir)).toEqual(files(clean, dir));
      }
      for (const name of files(clean, 'conversations/2026')) {
        const strip = (t: string) => t.replace(/^(deal|org|owner): .*\n/gm, '');
        expect(strip(readFileSync(join(s.dir, 'conversations/2026', name), 'utf8'))).toBe(
          strip(readFileSync(join(clean.dir, 'conversations/2026', name), 'utf8')),
        );
      }
    }
  }, 180_000);
});

describe('kith import imap against a real server', () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(() => dovecot?.stop());

  const configure = (s: Sandbox, extra = '') => {
    mkdirSync(join(s.home, '.config/kith'), { recursive: true });
    writeFileSync(
      join(s.home, '.config/kith/config.yaml'),
      `accounts:\n  work:\n    host: 127.0.0.1\n    port: ${dovecot.port}\n    tls: starttls\n    user: ${dovecot.user}\n    password_env: KITH_TEST_IMAP_PASSWORD\n${extra}`,
    );
  };

  it('imports Inbox and Sent over verified STARTTLS, then only what is new', () => {
    const s = seededRepo();
    configure(s, `    ca: ${dovecot.caFile}\n`);
    dovecot.deliver(readFileSync(join(CORPUS, '02-reply.eml'), 'utf8'));
    dovecot.deliver(readFileSync(join(CORPUS, '01-ours.eml'), 'utf8'), 'Sent');
    const env = { KITH_TEST_IMAP_PASSWORD: dovecot.password };
    const first = s.kith(['import', 'imap', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ messages: 2, filed: 2, conversations: { created: 1 } });
    const cursors = JSON.parse(readFileSync(join(s.dir, '.kith/imap-cursors.json'), 'utf8'));
    expect(Object.keys(cursors).sort()).toEqual(['work/INBOX', 'work/Sent']);
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(s.dir, '.kith/imap-cursors.json'), 'utf8')).not.toContain(dovecot.password);
    dovecot.deliver(readFileSync(join(CORPUS, '03-new-person-cp1252.eml'), 'utf8'));
    const second = s.kith(['import', 'imap', '--json'], { env });
    expect(JSON.parse(second.stdout)).toMatchObject({ messages: 1, filed: 1, conversations: { updated: 1 } });
    // a UIDVALIDITY change means reading everything again: still nothing filed twice
    writeFileSync(
      join(s.dir, '.kith/imap-cursors.json'),
      JSON.stringify({ 'work/INBOX': { uidvalidity: '1', last_uid: 99 } }),
    );
    const resync = s.kith(['import', 'imap', '--json'], { env });
    expect(resync.stderr).toContain('UIDVALIDITY changed');
    expect(JSON.parse(resync.stdout)).toMatchObject({ filed: 0, duplicates: 3 });
  });

  it('refuses a server it cannot verify, and never falls back to cleartext', () => {
    const s = seededRepo();
    configure(s); // no ca: the test CA is not trusted
    const r = s.kith(['import', 'imap'], { env: { KITH_TEST_IMAP_PASSWORD: dovecot.password } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cannot connect to 127\.0\.0\.1 for mail account "work": .*(certificate|self.signed|issuer)/i,
    );
    writeFileSync(
      join(s.home, '.config/kith/config.yaml'),
      readFileSync(join(s.home, '.config/kith/config.yaml'), 'utf8').replace('tls: starttls', 'tls: none'),
    );
    const plain = s.kith(['import', 'imap'], { env: { KITH_TEST_IMAP_PASSWORD: dovecot.password } });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('asks for tls: none');
  });
});
