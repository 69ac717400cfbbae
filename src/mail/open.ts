// Opens the mail source an import names: mbox files, a Maildir, .eml files (or standard
// input) or an IMAP account from the personal config. Heavy modules load only when used.
import { existsSync } from 'node:fs';
import { UsageError } from '../core/model/index.js';
import type { Cursors } from './imap.js';
import type { MailSource } from './source.js';

export type SourceKind = 'mbox' | 'maildir' | 'eml' | 'imap';

export interface SourceRequest {
  readonly source: SourceKind;
  readonly paths?: readonly string[];
  readonly account?: string;
  readonly mailbox?: readonly string[];
  readonly stdin: NodeJS.ReadableStream;
  readonly vars: Readonly<Record<string, string | undefined>>;
  /** Mail accounts by name, from the personal config. */
  readonly accounts: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;
  readonly cursors: Cursors;
  readonly saveCursors: (cursors: Cursors) => void;
}

export async function openSource(req: SourceRequest): Promise<MailSource> {
  const paths = req.paths ?? [];
  switch (req.source) {
    case 'mbox': {
      if (!paths.length) throw new UsageError('which mbox file?', 'kith import mbox ~/mail/inbox.mbox');
      const { mboxSource } = await import('./mbox.js');
      const sources = paths.map((p) => {
        if (!existsSync(p)) throw new UsageError(`no such file: ${p}`);
        return mboxSource(p);
      });
      return {
        name: sources.map((s) => s.name).join(', '),
        async *messages() {
          for (const s of sources) yield* s.messages();
        },
      };
    }
    case 'maildir': {
      if (paths.length !== 1 || !existsSync(paths[0]!))
        throw new UsageError('which Maildir?', 'kith import maildir ~/Maildir');
      return (await import('./files.js')).maildirSource(paths[0]!);
    }
    case 'eml': {
      if (!paths.length) throw new UsageError('which message file? (- reads one message from standard input)');
      for (const p of paths) if (p !== '-' && !existsSync(p)) throw new UsageError(`no such file: ${p}`);
      return (await import('./files.js')).emlSource(paths, req.stdin);
    }
    case 'imap': {
      const { imapSource, readAccount } = await import('./imap.js');
      const name = req.account ?? Object.keys(req.accounts)[0];
      if (!name) {
        throw new UsageError(
          'no mail account configured',
          'add one under accounts: in ~/.config/kith/config.yaml (see README, "Mail import")',
        );
      }
      const account = readAccount(name, req.accounts[name]);
      return imapSource(account, {
        vars: req.vars,
        mailboxes: req.mailbox,
        cursors: req.cursors,
        saveCursors: req.saveCursors,
      });
    }
  }
}
