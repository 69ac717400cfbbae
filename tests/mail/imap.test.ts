import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapSource, readAccount, type Cursors, type ImapAccount } from '../../src/mail/imap.js';
import type { SourceItem } from '../../src/mail/source.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';

async function drain(account: ImapAccount, cursors: Cursors = {}, vars: Record<string, string> = {}) {
  let saved: Cursors = cursors;
  const source = imapSource(account, { vars, cursors, saveCursors: (c) => { saved = c; } });
  const items: SourceItem[] = [];
  try {
    for await (const item of source.messages()) items.push(item);
    await source.commit?.();
  } finally {
    await source.close?.();
  }
  return { items, messages: items.filter((i) => i.kind === 'message'), cursors: saved };
}

/** A cleartext IMAP server that answers from a script and records what clients send. */
async function fakeServer(onLine: (line: string, socket: Socket) => void, greeting = '* OK fake ready\r\n') {
  const received: string[] = [];
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    if (greeting) socket.write(greeting);
    let buffer = '';
    socket.on('data', (data) => {
      buffer += data.toString('latin1');
      for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        received.push(line);
        onLine(line, socket);
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, received, close: () => { sockets.forEach((s) => s.destroy()); server.close(); } };
}

describe('IMAP accounts', () => {
  it('refuses cleartext unless insecure: true says so, and checks what it needs', () => {
    expect(() => readAccount('w', { host: 'h', user: 'u', tls: 'none' })).toThrow(/asks for tls: none/);
    expect(readAccount('w', { host: '127.0.0.1', user: 'u', tls: 'none', insecure: true }).tls).toBe('none');
    expect(() => readAccount('w', { host: 'h', user: 'u', tls: 'ssl' })).toThrow(/tls must be tls, starttls or none/);
    expect(() => readAccount('w', { user: 'u' })).toThrow(/needs host and user/);
    expect(() => readAccount('w', undefined)).toThrow(/no mail account "w"/);
    expect(readAccount('w', { host: 'h', user: 'u' }).tls).toBe('tls');
  });
});

describe('IMAP source against hostile or broken servers', () => {
  it('never logs in over cleartext when the server does not offer STARTTLS', async () => {
    const server = await fakeServer((line, socket) => {
      const [tag, command] = line.split(' ');
      if (/^CAPABILITY$/i.test(command ?? '')) socket.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK done\r\n`);
      else if (/^(LOGIN|AUTHENTICATE)$/i.test(command ?? '')) socket.write(`${tag} OK logged in\r\n`);
      else socket.write(`${tag} BAD no\r\n`);
    }, '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n');
    try {
      const account: ImapAccount = { name: 'w', host: '127.0.0.1', port: server.port, tls: 'starttls', user: 'maya', password_env: 'PW', timeout: 3 };
      await expect(drain(account, {}, { PW: 'secret' })).rejects.toThrow(/cannot connect to 127\.0\.0\.1 for mail account "w"/);
      expect(server.received.join('\n')).not.toMatch(/LOGIN|AUTHENTICATE|secret/i);
    } finally {
      server.close();
    }
  });

  it('gives up on a server that never greets, within the timeout', async () => {
    const server = await fakeServer(() => {}, '');
    try {
      const started = Date.now();
      await expect(drain({ name: 'w', host: '127.0.0.1', port: server.port, tls: 'starttls', user: 'maya', password_env: 'PW', timeout: 1 }, {}, { PW: 'x' }))
        .rejects.toThrow(/cannot connect/);
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      server.close();
    }
  }, 15_000);

  it('says which setting is missing before connecting', async () => {
    await expect(drain({ name: 'w', host: '127.0.0.1', port: 1, tls: 'tls', user: 'maya', password_env: 'NOT_SET' })).rejects.toThrow(/\$NOT_SET is not set/);
  });
});

describe('IMAP source against Dovecot', () => {
  let dovecot: Dovecot;
  let account: ImapAccount;
  const vars = { PW: '' };
  beforeAll(async () => {
    dovecot = await startDovecot();
    vars.PW = dovecot.password;
    account = { name: 'work', host: '127.0.0.1', port: dovecot.port, tls: 'starttls', user: dovecot.user, password_env: 'PW', ca: dovecot.caFile, timeout: 10 };
  });
  afterAll(() => dovecot?.stop());
  const raw = (i: number) => `From: Jane <jane@acme.example>\r\nTo: maya@northwind.example\r\nSubject: m${i}\r\nMessage-ID: <m${i}@acme.example>\r\nDate: Thu, 19 Nov 2026 10:00:00 +0100\r\n\r\nbody ${i}\r\n`;
  const subjects = (items: SourceItem[]) => items.map((i) => (i.kind === 'message' ? /Subject: (\S+)/.exec(i.raw.toString())![1] : i.message));

  it('reads Inbox and the \\Sent folder in batches, then only what is new, and nothing when nothing is', async () => {
    for (let i = 0; i < 130; i++) dovecot.deliver(raw(i));
    dovecot.deliver(raw(900), 'Sent');
    const first = await drain(account, {}, vars);
    expect(first.messages).toHaveLength(131);
    expect(subjects(first.messages).slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
    expect(Object.keys(first.cursors).sort()).toEqual(['work/INBOX', 'work/Sent']);
    expect(first.cursors['work/INBOX']!.last_uid).toBe(130);
    // `last+1:*` would match the newest message again; the cursor bounds it by UIDNEXT
    expect((await drain(account, first.cursors, vars)).messages).toHaveLength(0);
    dovecot.deliver(raw(131));
    const third = await drain(account, first.cursors, vars);
    expect(subjects(third.messages)).toEqual(['m131']);
    expect(third.cursors['work/INBOX']!.last_uid).toBe(131);
  }, 60_000);

  it('reads a mailbox again when its UIDVALIDITY changed, with a warning', async () => {
    const stale: Cursors = { 'work/INBOX': { uidvalidity: '1', last_uid: 10_000 } };
    const again = await drain({ ...account, mailboxes: ['INBOX'] }, stale, vars);
    expect(again.items[0]).toMatchObject({ kind: 'warning', origin: 'work/INBOX' });
    expect(again.messages.length).toBeGreaterThanOrEqual(131);
    expect(again.cursors['work/INBOX']!.uidvalidity).not.toBe('1');
  }, 60_000);

  it('takes the password from a password_command', async () => {
    const viaCommand = { ...account, password_env: undefined, password_command: `printf '%s\\n' '${dovecot.password}'`, mailboxes: ['Sent'] };
    expect((await drain(viaCommand)).messages).toHaveLength(1);
  }, 30_000);

  it('keeps cursors unchanged until the import commits', async () => {
    let saved = false;
    const source = imapSource({ ...account, mailboxes: ['Sent'] }, { vars, cursors: {}, saveCursors: () => { saved = true; } });
    for await (const _ of source.messages()) { /* read, but not committed */ }
    await source.close?.();
    expect(saved).toBe(false);
  }, 30_000);
});
