// Opens the mail source an import names: mbox files, a Maildir, .eml files (or standard
// input) or an IMAP account from the personal config. Heavy modules load only when used.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quotePath, UsageError } from '../core/model/index.js';
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

type Shape = 'missing' | 'maildir' | 'folder' | 'mbox' | 'message' | 'empty' | 'other';

/** What a path given as mail looks like, from its first bytes: an mbox starts "From ", a message with headers. */
function shapeOf(path: string): Shape {
  if (!existsSync(path)) return 'missing';
  if (statSync(path).isDirectory()) {
    return ['cur', 'new'].some((d) => existsSync(join(path, d))) ? 'maildir' : 'folder';
  }
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(512);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, n).toString('latin1').replace(/^\s+/, '');
  if (!text) return 'empty';
  if (text.startsWith('From ')) return 'mbox';
  return /^[\x21-\x39\x3b-\x7e]+:/.test(text) ? 'message' : 'other';
}

const LOOKS: Record<Shape, string> = {
  missing: 'does not exist',
  maildir: 'is a Maildir (it has cur/ and new/)',
  folder: 'is a folder',
  mbox: 'is an mbox file (it starts with a "From " line)',
  message: 'is a single message (it starts with headers, not an mbox "From " line)',
  empty: 'is empty',
  other: 'is neither an mbox file nor a message (no "From " line, no headers)',
};

const COMMAND: Partial<Record<Shape, string>> = { maildir: 'maildir', mbox: 'mbox', message: 'eml' };

/** Refuses a path that is not the kind of mail asked for, saying what it looks like and what would read it. */
function expectShape(path: string, source: SourceKind, wanted: readonly Shape[]): void {
  const shape = shapeOf(path);
  if (wanted.includes(shape)) return;
  const other = COMMAND[shape];
  const emls = shape === 'folder' ? readdirSync(path).filter((n) => n.endsWith('.eml')).length : 0;
  const hint = other
    ? `kith import ${other} ${path}`
    : emls
      ? `it holds ${emls} .eml files: kith import eml ${join(path, '*.eml')}`
      : `kith import ${source} --help says what it reads`;
  throw new UsageError(`${quotePath(path)} ${LOOKS[shape]}: not what kith import ${source} reads`, hint);
}

export async function openSource(req: SourceRequest): Promise<MailSource> {
  const paths = req.paths ?? [];
  switch (req.source) {
    case 'mbox': {
      if (!paths.length) throw new UsageError('which mbox file?', 'kith import mbox ~/mail/inbox.mbox');
      const { mboxSource } = await import('./mbox.js');
      const sources = paths.map((p) => {
        if (!existsSync(p)) throw new UsageError(`no such file: ${p}`);
        expectShape(p, 'mbox', ['mbox', 'empty']);
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
      expectShape(paths[0]!, 'maildir', ['maildir']);
      return (await import('./files.js')).maildirSource(paths[0]!);
    }
    case 'eml': {
      if (!paths.length) throw new UsageError('which message file? (- reads one message from standard input)');
      for (const p of paths) if (p !== '-' && !existsSync(p)) throw new UsageError(`no such file: ${p}`);
      for (const p of paths) if (p !== '-') expectShape(p, 'eml', ['message', 'mbox', 'empty', 'other']);
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
