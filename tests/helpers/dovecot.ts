// A real IMAP server for tests: Dovecot on 127.0.0.1, a free port, a throwaway config, TLS
// with a test CA, one user with a Maildir. Debian's dovecot-imapd is installed by the tests'
// global setup (tests/global-setup.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requirePackage } from './system-packages.js';

export interface Dovecot {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The test CA's certificate, to verify the server's. */
  readonly caFile: string;
  readonly maildir: string;
  /** Delivers a raw message into a mailbox ('' is INBOX, 'Sent' the Sent folder). */
  deliver(raw: string, mailbox?: string): void;
  stop(): void;
}

function ensureInstalled(): void {
  requirePackage('dovecot-imapd');
  requirePackage('openssl');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port}: ${log()}`);
}

let counter = 0;

export async function startDovecot(): Promise<Dovecot> {
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'kith-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'maya';
  const password = 'test-password';
  // the mail store belongs to an unprivileged user: Dovecot will not run mail as root
  const uid = 1000 + (process.pid % 1000);
  const maildir = join(dir, 'mail');
  for (const sub of ['cur', 'new', 'tmp', '.Sent/cur', '.Sent/new', '.Sent/tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  const own = (p: string) => chownSync(p, uid, uid);
  for (const sub of ['', 'cur', 'new', 'tmp', '.Sent', '.Sent/cur', '.Sent/new', '.Sent/tmp']) own(join(maildir, sub));

  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Kith Test CA']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf']);
  chmodSync(join(dir, 'server.key'), 0o644);

  // as root, Dovecot runs login as dovenull and mail as the test user's unprivileged uid
  if (process.getuid?.() !== 0) throw new Error('the IMAP tests start Dovecot as root (as CI does)');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${uid}:${uid}::${dir}::\n`);
  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = kith-test-${process.pid}-${counter++}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <${dir}/server.pem
ssl_key = <${dir}/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
mail_location = maildir:${maildir}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 100
`;
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(join(dir, 'state'), { recursive: true });
  const child = spawn('/usr/sbin/dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const log = () => { try { return execFileSync('tail', ['-20', join(dir, 'dovecot.log')], { encoding: 'utf8' }); } catch { return '(no log)'; } };
  await waitForPort(port, child, log);
  let n = 0;
  return {
    host: '127.0.0.1', port, user, password, caFile: join(dir, 'ca.pem'), maildir,
    deliver(raw, mailbox = '') {
      // Dovecot numbers new/ files in name order: a zero-padded counter keeps delivery order
      const name = `${Date.now()}.${process.pid}_${String(n++).padStart(6, '0')}.kith-test`;
      const target = join(maildir, mailbox ? `.${mailbox}` : '', 'new', name);
      writeFileSync(target, raw);
      own(target);
    },
    stop() {
      child.kill('SIGTERM');
      try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
    },
  };
}
