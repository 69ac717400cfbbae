// IMAP through imapflow (loaded only here): TLS verified, never a silent fall back to
// cleartext, timeouts on connect and on every command, and a cursor per mailbox
// (UIDVALIDITY and last UID) so each run fetches only what is new.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { KithError, stripControls } from '../core/model/index.js';
import { MAX_MESSAGE_BYTES, type MailSource, type SourceItem } from './source.js';

export interface ImapAccount {
  readonly name: string;
  readonly host: string;
  readonly port?: number;
  /** tls: TLS from the first byte (993); starttls: upgrade required (143); none: only with insecure: true. */
  readonly tls?: 'tls' | 'starttls' | 'none';
  readonly insecure?: boolean;
  readonly user: string;
  readonly password_env?: string;
  readonly password_command?: string;
  /** A CA certificate file, for a server with a private CA. */
  readonly ca?: string;
  readonly mailboxes?: readonly string[];
  /** Seconds. */
  readonly timeout?: number;
}

interface Cursor {
  readonly uidvalidity: string;
  readonly last_uid: number;
}

export type Cursors = Record<string, Cursor>;

/** Whether a host is this machine: only there may a password travel in cleartext. */
function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Reads an account from personal config, checking what would otherwise fail later. */
export function readAccount(name: string, raw: Readonly<Record<string, unknown>> | undefined): ImapAccount {
  if (!raw)
    throw new KithError(
      `no mail account "${name}" in your config`,
      'add it under accounts: in ~/.config/kith/config.yaml (see README, "Mail import")',
    );
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const host = str('host');
  const user = str('user');
  if (!host || !user) throw new KithError(`mail account "${name}" needs host and user`);
  // a value that is not one of the words (a list, a number) is an error, never the default
  const tls = (raw.tls === undefined ? 'tls' : raw.tls) as ImapAccount['tls'];
  if (typeof tls !== 'string' || !['tls', 'starttls', 'none'].includes(tls))
    throw new KithError(
      `mail account "${name}": tls must be tls, starttls or none, not ${JSON.stringify(raw.tls)}`,
      'write one word, like tls: starttls',
    );
  if (tls === 'none' && raw.insecure !== true) {
    throw new KithError(
      `mail account "${name}" asks for tls: none`,
      'cleartext sends your password unprotected; add insecure: true only for a server on this machine',
    );
  }
  if (raw.insecure !== undefined && raw.insecure !== false && (raw.insecure !== true || !isLoopback(host)))
    throw new KithError(
      `mail account "${name}": insecure: true is allowed only for a server on this machine, ` +
        `not ${JSON.stringify(host)}`,
      'use tls or starttls for any other server; the password would cross the network in cleartext',
    );
  const mailboxes = Array.isArray(raw.mailboxes) ? raw.mailboxes.map(String) : undefined;
  return {
    name,
    host,
    user,
    tls,
    insecure: raw.insecure === true,
    port: typeof raw.port === 'number' ? raw.port : undefined,
    password_env: str('password_env'),
    password_command: str('password_command'),
    ca: str('ca'),
    mailboxes,
    timeout: typeof raw.timeout === 'number' ? raw.timeout : undefined,
  };
}

function password(account: ImapAccount, vars: Readonly<Record<string, string | undefined>>): string {
  if (account.password_env) {
    const value = vars[account.password_env];
    if (value === undefined) throw new KithError(`mail account "${account.name}": $${account.password_env} is not set`);
    return value;
  }
  if (account.password_command) {
    try {
      return execFileSync('/bin/sh', ['-c', account.password_command], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 30_000,
      }).replace(/\r?\n$/, '');
    } catch (err) {
      throw new KithError(
        `mail account "${account.name}": password_command failed (${(err as Error).message.split('\n')[0]})`,
      );
    }
  }
  throw new KithError(
    `mail account "${account.name}" has no password_env or password_command`,
    'passwords never go into config files in clear',
  );
}

export function imapSource(
  account: ImapAccount,
  opts: {
    vars: Readonly<Record<string, string | undefined>>;
    mailboxes?: readonly string[];
    cursors: Cursors;
    saveCursors: (cursors: Cursors) => void;
  },
): MailSource {
  const pending: Cursors = { ...opts.cursors };
  let client: import('imapflow').ImapFlow | undefined;
  const timeout = (account.timeout ?? 30) * 1000;
  return {
    name: `imap ${account.name}`,
    async *messages(): AsyncIterable<SourceItem> {
      const { ImapFlow } = await import('imapflow');
      const secure = account.tls === 'tls';
      client = new ImapFlow({
        host: account.host,
        port: account.port ?? (secure ? 993 : 143),
        secure,
        doSTARTTLS: account.tls === 'starttls' ? true : account.tls === 'none' ? false : undefined,
        auth: { user: account.user, pass: password(account, opts.vars) },
        tls: { rejectUnauthorized: true, ...(account.ca ? { ca: readFileSync(account.ca) } : {}) },
        logger: false,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout * 4,
      });
      try {
        await client.connect();
      } catch (err) {
        const failure = err as Error & { authenticationFailed?: boolean; responseText?: string };
        if (failure.authenticationFailed)
          throw new KithError(
            `${account.host} refused the login of "${account.user}" for mail account "${account.name}"` +
              (failure.responseText ? `: ${stripControls(failure.responseText)}` : ''),
            'check the user and the password (password_env or password_command)',
          );
        throw new KithError(
          `cannot connect to ${account.host} for mail account "${account.name}": ${(err as Error).message}`,
          account.tls === 'starttls'
            ? 'the server must offer STARTTLS'
            : 'check host, port, tls and the CA certificate',
        );
      }
      let boxes = opts.mailboxes?.length ? [...opts.mailboxes] : account.mailboxes ? [...account.mailboxes] : undefined;
      if (!boxes) {
        const list = await client.list();
        boxes = ['INBOX', ...list.filter((b) => b.specialUse === '\\Sent').map((b) => b.path)];
      }
      for (const box of boxes) {
        const lock = await client.getMailboxLock(box, { readOnly: true }).catch((err: Error) => {
          throw new KithError(`mail account "${account.name}": cannot open mailbox "${box}": ${err.message}`);
        });
        try {
          const mailbox = client.mailbox as import('imapflow').MailboxObject;
          const validity = String(mailbox.uidValidity);
          const key = `${account.name}/${box}`;
          const cursor = pending[key];
          // a new UIDVALIDITY means the server renumbered: read it all again; the
          // Message-ID check keeps messages already filed from being filed twice
          let last = cursor && cursor.uidvalidity === validity ? cursor.last_uid : 0;
          if (cursor && cursor.uidvalidity !== validity)
            yield {
              kind: 'warning',
              origin: key,
              message: 'UIDVALIDITY changed: reading the mailbox again (no duplicates will be filed)',
            };
          // `last+1:*` would match the newest message even when it is older: bound it by UIDNEXT
          if (mailbox.exists > 0 && last + 1 < mailbox.uidNext) {
            const uids = ((await client.search({ uid: `${last + 1}:${mailbox.uidNext - 1}` }, { uid: true })) || [])
              .filter((u) => u > last)
              .sort((a, b) => a - b);
            // fetch in batches and yield after each one: no other IMAP command may run while a
            // fetch iterates, and memory holds one batch at a time
            for (let i = 0; i < uids.length; i += 100) {
              const batch: { uid: number; source: Buffer }[] = [];
              for await (const msg of client.fetch(
                uids.slice(i, i + 100).join(','),
                { uid: true, source: { maxLength: MAX_MESSAGE_BYTES } },
                { uid: true },
              )) {
                if (msg.source) batch.push({ uid: msg.uid, source: msg.source });
              }
              for (const { uid, source } of batch.sort((a, b) => a.uid - b.uid)) {
                yield { kind: 'message', raw: source, origin: `${box} uid ${uid}` };
                last = Math.max(last, uid);
              }
            }
          }
          pending[key] = { uidvalidity: validity, last_uid: last };
        } finally {
          lock.release();
        }
      }
    },
    async commit() {
      opts.saveCursors(pending);
    },
    async close() {
      await client?.logout().catch(() => client?.close());
    },
  };
}
