// `kith import mbox|maildir|eml|imap`: files each relevant message into the right
// conversation, creates contacts for new people at known orgs, flips whose turn it is,
// and makes one commit. Re-running after an interruption files nothing twice.
import { planImport, reduceForPlan, type Bodies } from '../core/mail/index.js';
import type { MailMessage } from '../core/mail/index.js';
import { localDate } from '../core/time/index.js';
import type { Cursors } from '../mail/imap.js';
import { openSource, type SourceKind } from '../mail/open.js';
import type { MailSource } from '../mail/source.js';
import { importCommitSummary, renderImportEvents, renderImportSummary } from '../render/text/import.js';
import { clean, printJson } from '../render/text/paint.js';
import { readConfig } from '../store/config.js';
import { loadCursors, saveCursors } from '../store/cursors.js';
import { importWrites } from '../store/import-writes.js';
import { ensureLocalFolderUntracked } from '../store/safe-paths.js';
import type { Repo } from '../store/repo.js';
import { ensureCanCommit } from '../git/commit.js';
import { openRepo, repoRoot, withRepoExcerpts, type Env } from './env.js';
import type { ArgSpec, CommandSpec, OptionSpec, SubcommandSpec } from './spec.js';

const OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--bodies <mode>',
    help: 'keep the full text, the trimmed new text, or none (who, when, subject only)',
    choices: ['full', 'trimmed', 'none'],
    default: 'trimmed',
  },
  { flags: '--dry-run', help: 'show what would be filed, change nothing' },
  { flags: '--json', help: 'print a JSON summary' },
];

/** One `kith import SOURCE` subcommand. */
function source(name: SourceKind, summary: string, arg?: ArgSpec): SubcommandSpec {
  return { name, summary, fixed: { source: name }, args: arg ? [arg] : [], options: OPTIONS };
}

export const spec: CommandSpec = {
  help: `
Only mail with someone we know (a contact, or an address at a known org's domain) is
filed; internal mail, newsletters and unknown senders are counted and skipped. Re-running
an import never files a message twice (Message-ID).

Examples:
  kith import mbox ~/mail/acme.mbox --dry-run
  kith import maildir ~/Maildir/.Customers
  procmail/MDA: | kith import eml -
  */10 * * * *  cd ~/crm && kith import imap      # cron`,
  subcommands: [
    source('mbox', 'import mbox files', { name: '<files...>', help: 'mbox files (mboxo or mboxrd)' }),
    source('maildir', 'import a Maildir', { name: '<dir>', help: 'a Maildir folder (with cur/ and new/)' }),
    source('eml', 'import single messages', {
      name: '<files...>',
      help: 'message files, or - for one message on standard input',
    }),
    {
      ...source('imap', 'import new mail from an IMAP account (Inbox and Sent)'),
      options: [
        { flags: '--account <name>', help: 'the account in ~/.config/kith/config.yaml (default: the first)' },
        {
          flags: '--mailbox <name>',
          help: 'a mailbox to read (repeatable; default: INBOX and Sent)',
          repeatable: true,
        },
        ...OPTIONS,
      ],
    },
  ],
};

export interface ImportOptions {
  readonly source: SourceKind;
  readonly files?: readonly string[];
  readonly dir?: string;
  readonly account?: string;
  readonly mailbox?: readonly string[];
  readonly bodies?: Bodies;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** Every message of a source, parsed and reduced to what the plan keeps; unreadable ones are warnings. */
async function readMessages(source: MailSource, bodies: Bodies, env: Env, quiet: boolean) {
  const { MessageParser, parseBudgetMs } = await import('../mail/parser.js');
  const parser = new MessageParser({ budgetMs: parseBudgetMs(env.vars.KITH_MAIL_PARSE_MS) });
  const messages: MailMessage[] = [];
  const warnings: string[] = [];
  let invalid = 0;
  const progress = env.err.isTTY && !quiet;
  try {
    for await (const item of source.messages()) {
      if (item.kind === 'warning') {
        warnings.push(`${item.origin}: ${item.message}`);
        continue;
      }
      try {
        // a big mailbox holds trimmed text, not whole bodies
        const message = await parser.parse(item.raw, item.origin, item.fallbackDate);
        if (message.overBudget)
          warnings.push(
            `${item.origin} ${message.messageId}: ${message.overBudget}: filed as who, when and subject only`,
          );
        messages.push(reduceForPlan(message, bodies));
      } catch (err) {
        invalid++;
        warnings.push(`${item.origin}: unreadable message (${(err as Error).message.split('\n')[0]})`);
      }
      if (progress && messages.length % 250 === 0) env.err.write(`\rreading mail: ${messages.length} messages`);
    }
  } finally {
    await parser.close();
    await source.close?.();
  }
  if (progress && messages.length >= 250) env.err.write('\r\u001b[K');
  return { messages, warnings, invalid };
}

/** Plans the import against the repository and, unless it is a dry run, writes and commits it. */
async function file(
  repo: Repo,
  source: MailSource,
  read: Awaited<ReturnType<typeof readMessages>>,
  opts: ImportOptions,
  env: Env,
) {
  const bodies = opts.bodies ?? 'trimmed';
  const plan = planImport(repo.data, read.messages, { bodies, zone: env.zone, today: localDate(env.now, env.zone) });
  const s = plan.summary;
  const invalid = read.invalid;
  const summary = {
    ...s,
    messages: s.messages + invalid,
    skipped: { ...s.skipped, invalid: s.skipped.invalid + invalid },
  };
  if (opts.dryRun) return { summary, plan };
  const { writes, removes } = importWrites(repo, plan);
  if (writes.size) {
    const refs = plan.conversations.map((v) => v.path);
    const commit = { action: 'import', summary: importCommitSummary(summary, source.name), refs };
    await repo.apply({ writes, removes, ...commit });
  }
  await source.commit?.();
  return { summary, plan };
}

export async function run(opts: ImportOptions, env: Env) {
  const root = repoRoot(env);
  if (!opts.dryRun) await ensureCanCommit(root, env.vars);
  // the cursors live in .kith/: never a teammate's
  await ensureLocalFolderUntracked(root, env.vars);
  const source = await openSource({
    ...opts,
    paths: opts.files ?? (opts.dir === undefined ? [] : [opts.dir]),
    stdin: env.stdin,
    vars: env.vars,
    accounts: readConfig(env.vars).accounts ?? {},
    cursors: loadCursors<Cursors>(root),
    saveCursors: (c) => saveCursors(root, c),
  });
  // mail is read before the lock is taken: a slow mailbox must not keep a seller's `kith log` waiting
  const read = await readMessages(source, opts.bodies ?? 'trimmed', env, Boolean(opts.json));
  for (const w of read.warnings) env.err.write(`warning: ${clean(w)}\n`);
  const { summary, plan } = opts.dryRun
    ? await file(await openRepo(env, { excerpts: true }), source, read, opts, env)
    : await withRepoExcerpts(env, 'import', (repo) => file(repo, source, read, opts, env));
  if (opts.json) printJson(env.out, opts.dryRun ? { ...summary, events: plan.events } : summary);
  else {
    if (opts.dryRun) env.out.write(renderImportEvents(plan));
    env.out.write(renderImportSummary(summary, Boolean(opts.dryRun)));
  }
  return { summary, plan };
}
