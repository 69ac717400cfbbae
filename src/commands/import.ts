// `kith import mbox|maildir|eml|imap`: files each relevant message into the right
// conversation, creates contacts for new people at known orgs, flips whose turn it is,
// and makes one commit. Re-running after an interruption files nothing twice.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { planImport, reduceForPlan, type Bodies, type ImportPlan } from '../core/mail-filing.js';
import type { MailMessage } from '../core/mail-types.js';
import { appendEntry } from '../core/timeline.js';
import { readConfig } from '../store/config.js';
import { editFile, parseFile, renderFile } from '../store/front-matter.js';
import type { LoadedRepo } from '../store/repo.js';
import type { MailSource } from '../mail/source.js';
import { ensureCanCommit } from '../git/commit.js';
import { applyChange } from './change.js';
import { clean, openRepo, printJson, type Env } from './env.js';

export interface ImportOptions {
  readonly source: 'mbox' | 'maildir' | 'eml' | 'imap';
  readonly paths?: readonly string[];
  readonly account?: string;
  readonly mailbox?: readonly string[];
  readonly bodies?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

const JOURNAL = '.kith/import-pending.json';
const CURSORS = '.kith/imap-cursors.json';

async function openSource(opts: ImportOptions, env: Env, root: string): Promise<MailSource> {
  const paths = opts.paths ?? [];
  switch (opts.source) {
    case 'mbox': {
      if (!paths.length) throw new UsageError('which mbox file?', 'kith import mbox ~/mail/inbox.mbox');
      const { mboxSource } = await import('../mail/mbox.js');
      const sources = paths.map((p) => {
        if (!existsSync(p)) throw new UsageError(`no such file: ${p}`);
        return mboxSource(p);
      });
      return { name: sources.map((s) => s.name).join(', '), async *messages() { for (const s of sources) yield* s.messages(); } };
    }
    case 'maildir': {
      if (paths.length !== 1 || !existsSync(paths[0]!)) throw new UsageError('which Maildir?', 'kith import maildir ~/Maildir');
      return (await import('../mail/files.js')).maildirSource(paths[0]!);
    }
    case 'eml': {
      if (!paths.length) throw new UsageError('which message file? (- reads one message from standard input)');
      for (const p of paths) if (p !== '-' && !existsSync(p)) throw new UsageError(`no such file: ${p}`);
      return (await import('../mail/files.js')).emlSource(paths, env.stdin);
    }
    case 'imap': {
      const { imapSource, readAccount } = await import('../mail/imap.js');
      const accounts = readConfig(env.vars).accounts ?? {};
      const name = opts.account ?? Object.keys(accounts)[0];
      if (!name) throw new UsageError('no mail account configured', 'add one under accounts: in ~/.config/kith/config.yaml (see README, "Mail import")');
      const account = readAccount(name, accounts[name]);
      const path = join(root, CURSORS);
      const cursors = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
      return imapSource(account, {
        vars: env.vars, mailboxes: opts.mailbox, cursors,
        saveCursors: (c) => { mkdirSync(join(root, '.kith'), { recursive: true }); writeFileSync(path, `${JSON.stringify(c, null, 2)}\n`); },
      });
    }
  }
}

/** The file writes a plan makes: new contacts, new conversations, entries appended. */
function renderPlan(repo: LoadedRepo, plan: ImportPlan): Map<string, string> {
  const writes = new Map<string, string>();
  for (const c of plan.contacts) writes.set(c.path, renderFile(c.fields, ''));
  for (const v of plan.conversations) {
    if (!v.existing) {
      writes.set(v.path, renderFile(v.fields!, v.entries.reduce((body, e) => appendEntry(body, e), '')));
      continue;
    }
    const original = repo.texts.get(v.path)!;
    const changes: Record<string, unknown> = {};
    if (v.turn) Object.assign(changes, { turn: v.turn, next: v.next });
    if (v.addParticipants.length) changes.participants = [...v.existing.participants, ...v.addParticipants];
    const edited = editFile(original, parseFile(original, v.path), changes);
    const body = parseFile(edited, v.path).body;
    writes.set(v.path, edited.slice(0, edited.length - body.length) + v.entries.reduce((b, e) => appendEntry(b, e), body));
  }
  return writes;
}

export async function run(opts: ImportOptions, env: Env) {
  const bodies = (opts.bodies ?? 'trimmed') as Bodies;
  if (!['full', 'trimmed', 'none'].includes(bodies)) throw new UsageError(`--bodies is full, trimmed or none, not "${opts.bodies}"`);
  const repo = openRepo(env);
  if (!opts.dryRun) await ensureCanCommit(repo.root);
  const source = await openSource(opts, env, repo.root);
  const { parseMessage } = await import('../mail/message.js');
  const messages: MailMessage[] = [];
  const warnings: string[] = [];
  let invalid = 0;
  const progress = env.err.isTTY && !opts.json;
  try {
    for await (const item of source.messages()) {
      if (item.kind === 'warning') {
        warnings.push(`${item.origin}: ${item.message}`);
        continue;
      }
      try {
        // keep each message only as the plan will use it: a big mailbox holds trimmed text, not whole bodies
        messages.push(reduceForPlan(await parseMessage(item.raw, item.origin, item.fallbackDate), bodies));
      } catch (err) {
        invalid++;
        warnings.push(`${item.origin}: unreadable message (${(err as Error).message.split('\n')[0]})`);
      }
      if (progress && messages.length % 250 === 0) env.err.write(`\rreading mail: ${messages.length} messages`);
    }
  } finally {
    await source.close?.();
  }
  if (progress && messages.length >= 250) env.err.write('\r\u001b[K');
  const plan = planImport(repo.data, messages, { bodies, zone: env.zone, today: localDate(env.now, env.zone) });
  const summary = { ...plan.summary, messages: plan.summary.messages + invalid, skipped: { ...plan.summary.skipped, invalid: plan.summary.skipped.invalid + invalid } };
  for (const w of warnings) env.err.write(`warning: ${clean(w)}\n`);

  if (!opts.dryRun) {
    const writes = renderPlan(repo, plan);
    // paths written by an interrupted run are committed by this one
    const journalPath = join(repo.root, JOURNAL);
    const pending: string[] = existsSync(journalPath) ? JSON.parse(readFileSync(journalPath, 'utf8')) : [];
    if (writes.size || pending.length) {
      mkdirSync(join(repo.root, '.kith'), { recursive: true });
      writeFileSync(journalPath, JSON.stringify([...new Set([...pending, ...writes.keys()])]));
      const parts = [`${summary.conversations.created} conversation${summary.conversations.created === 1 ? '' : 's'} created`, `${summary.conversations.updated} updated`];
      if (summary.contacts_created) parts.push(`${summary.contacts_created} contact${summary.contacts_created === 1 ? '' : 's'} created`);
      await applyChange(repo.root, {
        writes, alsoCommit: pending.filter((p) => existsSync(join(repo.root, p))), action: 'import',
        summary: `import ${summary.filed} message${summary.filed === 1 ? '' : 's'} from ${source.name}: ${parts.join(', ')}`,
        refs: plan.conversations.map((v) => v.path),
      });
      rmSync(journalPath, { force: true });
    }
    await source.commit?.();
  }

  if (opts.json) printJson(env.out, summary);
  else {
    const s = summary;
    env.out.write(`${opts.dryRun ? 'would file' : 'filed'} ${s.filed} of ${s.messages} message${s.messages === 1 ? '' : 's'}: ${s.conversations.created} new conversation${s.conversations.created === 1 ? '' : 's'}, ${s.conversations.updated} updated, ${s.contacts_created} new contact${s.contacts_created === 1 ? '' : 's'}`
      + `; skipped ${s.duplicates} already filed, ${s.skipped.internal} internal, ${s.skipped.unknown} from unknown senders, ${s.skipped.invalid} unreadable\n`);
  }
  return { summary, plan };
}
