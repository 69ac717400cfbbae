// Mail accounts: a refused login says so, a setting that is not what it should be is an
// error (never a quiet default), cleartext only to this machine, the server's certificate
// always verified, and the password never reaches the repository, .kith/, git or a message.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccount } from '../../src/mail/imap.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import type { Sandbox } from '../helpers/cli.js';
import { kith, teamRepo } from './hostile.js';

/** Every file under `dir` (.git and .kith included) that holds `text`; git objects are compressed, so git is asked too. */
function grepAll(dir: string, text: string): string {
  let files = '';
  try {
    files = execFileSync('grep', ['-r', '-l', '-a', '-F', '--', text, dir], { encoding: 'utf8' });
  } catch {
    // grep exits 1 when nothing matches
  }
  const history = execFileSync('git', ['log', '--all', '-p', '--format=%B'], { cwd: dir, encoding: 'utf8' });
  return files + (history.includes(text) ? 'git history\n' : '');
}

describe('mail account settings', { timeout: 180_000 }, () => {
  it('refuses tls given as anything but one word: [starttls] is not quietly tls', () => {
    expect(() => readAccount('w', { host: 'h', user: 'u', tls: ['starttls'] })).toThrow(
      /tls must be tls, starttls or none, not \["starttls"\]/,
    );
    expect(() => readAccount('w', { host: 'h', user: 'u', tls: 993 })).toThrow(
      /tls must be tls, starttls or none, not 993/,
    );
    expect(readAccount('w', { host: 'h', user: 'u', tls: 'starttls' }).tls).toBe('starttls');
  });

  it('accepts insecure: true only for a server on this machine', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(readAccount('w', { host, user: 'u', tls: 'none', insecure: true }).insecure, host).toBe(true);
    for (const host of ['imap.example.com', '10.0.0.1', '127.0.0.1.evil.example', 'localhost.evil.example'])
      expect(() => readAccount('w', { host, user: 'u', tls: 'none', insecure: true }), host).toThrow(
        /insecure: true is allowed only for a server on this machine/,
      );
    expect(() => readAccount('w', { host: 'imap.example.com', user: 'u', insecure: 'yes' })).toThrow(/insecure/);
  });
});

describe('kith import imap against a real server', { timeout: 180_000 }, () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(() => dovecot?.stop());
  const configure = (s: Sandbox, extra: string) => {
    mkdirSync(join(s.home, '.config/kith'), { recursive: true });
    writeFileSync(
      join(s.home, '.config/kith/config.yaml'),
      `accounts:\n  work:\n    host: 127.0.0.1\n    port: ${dovecot.port}\n    tls: starttls\n    user: ${dovecot.user}\n    password_env: KITH_TEST_IMAP_PASSWORD\n    timeout: 10\n${extra}`,
    );
  };
  const run = (s: Sandbox, password: string) =>
    kith({ ...s, env: { ...s.env, KITH_TEST_IMAP_PASSWORD: password } }, ['import', 'imap'], { timeout: 40_000 });

  it('says the login was refused for a wrong password, with no STARTTLS hint, and the password goes nowhere', () => {
    const s = teamRepo();
    configure(s, `    ca: ${dovecot.caFile}\n`);
    const wrong = 'Wr0ng-Pa55word-xyzzy';
    const r = run(s, wrong);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`127.0.0.1 refused the login of "${dovecot.user}" for mail account "work"`);
    expect(r.stderr).not.toMatch(/STARTTLS|Command failed/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(wrong);
    expect(grepAll(s.dir, wrong)).toBe('');
  }, 60_000);

  it("verifies the server's certificate: without its CA the import stops, and the password was never sent", () => {
    const s = teamRepo();
    configure(s, '');
    const r = run(s, dovecot.password);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot connect to 127.0.0.1 for mail account "work"');
    expect(r.stderr).not.toContain(dovecot.password);
  }, 60_000);

  it('keeps the password out of the repository, .kith/, git and every message once it works', () => {
    const s = teamRepo();
    configure(s, `    ca: ${dovecot.caFile}\n`);
    dovecot.deliver(
      'From: Jane Doe <jane@acme.example>\r\nTo: maya@northwind.example\r\nSubject: Hi\r\nMessage-ID: <imap-1@acme.example>\r\nDate: Tue, 10 Nov 2026 10:00:00 +0100\r\n\r\nhello\r\n',
    );
    const r = run(s, dovecot.password);
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain(dovecot.password);
    expect(grepAll(s.dir, dovecot.password)).toBe('');
  }, 60_000);
});
