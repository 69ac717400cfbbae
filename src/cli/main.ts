// The command line: commander wiring, the Env built from the real process, and the one
// error boundary that decides exit codes. The only module that reads process.* or exits.
import { Command, CommanderError, Option } from 'commander';
import { KithError } from '../core/errors.js';
import type { Env, Output } from '../commands/env.js';
import { readConfig } from '../store/config.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function output(stream: NodeJS.WriteStream, vars: NodeJS.ProcessEnv): Output {
  const isTTY = Boolean(stream.isTTY);
  return {
    write: (text) => { stream.write(text); },
    isTTY,
    color: isTTY && !('NO_COLOR' in vars) && vars.TERM !== 'dumb',
    columns: Number(vars.COLUMNS) || stream.columns || 100,
  };
}

function parseNow(value: string | undefined): number {
  if (!value) return Date.now();
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(ms)) throw new KithError(`KITH_NOW is not an ISO date: "${value}"`, 'e.g. KITH_NOW=2026-11-25T09:00:00+01:00');
  return ms;
}

function buildEnv(repo: string | undefined): Env {
  const vars = process.env;
  const config = readConfig(vars);
  const zone = config.timezone || vars.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new KithError(`unknown time zone "${zone}"`, 'use an IANA name such as Europe/Paris (config.yaml `timezone:` or TZ)');
  }
  return {
    cwd: process.cwd(), vars, now: parseNow(vars.KITH_NOW), zone,
    out: output(process.stdout, vars), err: output(process.stderr, vars),
    stdin: process.stdin, stdinIsTTY: Boolean(process.stdin.isTTY), repo,
  };
}

type Runner = (env: Env) => Promise<unknown>;

/** Each command module is imported only when it runs, so start-up pays for one command. */
function lazy<T>(load: () => Promise<{ run: (opts: T, env: Env) => Promise<unknown> }>, opts: (...args: any[]) => T): (...args: any[]) => Promise<void> {
  return async (...args: any[]) => {
    const command = args[args.length - 1] as Command;
    const options = opts(...args);
    const mod = await load();
    const run: Runner = (env) => mod.run(options, env);
    await run(buildEnv(command.optsWithGlobals().repo as string | undefined));
  };
}

export function buildProgram(): Command {
  const program = new Command('kith')
    .description('A git-native social CRM for people who sell from the terminal.\n\nYour customer memory is a git repository of Markdown files; kith tells you whose\nturn it is to speak next in every conversation, and when.')
    .version('0.1.0', '-V, --version')
    .option('--repo <dir>', 'the data repository (default: $KITH_REPO, or the folder holding kith.yaml above here)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', `
Examples:
  kith init ~/crm --name "Northwind" --domain northwind.example
  kith add contact "Jane Doe" --email jane@acme.example --org acme
  kith log jane "call: wants SSO pricing" --next friday
  kith show acme
  kith check

Exit codes: 0 ok, 1 error, 2 usage error or ambiguous reference.
Environment: KITH_REPO, KITH_NOW (fixes "now"), NO_COLOR, KITH_DEBUG=1 (stack traces), VISUAL/EDITOR.`);

  program.command('init').argument('[dir]', 'folder to create or adopt', '.')
    .description('create a data repository: kith.yaml, folders, README, first commit')
    .option('--name <team>', 'team name')
    .option('--domain <domain>', 'our mail domain (repeat for several)', collect)
    .option('--currency <code>', 'reporting currency', 'EUR')
    .action(lazy(() => import('../commands/init.js'), (dir, o) => ({ dir, ...o })));

  const add = program.command('add').description('add a contact, org or deal');
  add.command('contact').argument('<name>', 'full name')
    .description('add a person')
    .option('--email <address>', 'e-mail address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--org <ref>', 'the organisation they work for')
    .option('--title <title>', 'job title')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--owner <handle>', 'teammate who owns the relationship')
    .option('--cadence <every>', 'stay in touch every 30d, 6w, quarterly...')
    .option('--referred-by <ref>', 'contact who introduced them')
    .action(lazy(() => import('../commands/add.js'), (name, o) => ({ kind: 'contact' as const, name, ...o })));
  add.command('org').argument('<name>', 'organisation name')
    .description('add an organisation')
    .option('--domain <domain>', 'mail domain (repeatable)', collect)
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--owner <handle>', 'teammate who owns the account')
    .action(lazy(() => import('../commands/add.js'), (name, o) => ({ kind: 'org' as const, name, ...o })));
  add.command('deal').argument('<title>', 'what the deal is')
    .description('add a deal')
    .requiredOption('--org <ref>', 'the organisation buying')
    .option('--amount <n>', 'amount')
    .option('--currency <code>', 'currency (default: the team currency)')
    .option('--stage <stage>', 'pipeline stage (default: the first)')
    .option('--close <when>', 'expected close date ("2026-12-15", "end of month")')
    .option('--contact <ref>', 'contact involved (repeatable)', collect)
    .option('--source <source>', 'referral, inbound, outbound, event, partner...')
    .option('--referred-by <ref>', 'contact who referred it')
    .option('--owner <handle>', 'teammate who owns the deal')
    .action(lazy(() => import('../commands/add.js'), (title, o) => ({ kind: 'deal' as const, name: title, ...o })));

  program.command('ls').argument('<what>', 'contacts, orgs, deals or conversations')
    .description('list records, with filters')
    .option('--tag <tag>', 'only records with this tag')
    .option('--owner <handle>', 'only records owned by this teammate')
    .option('--org <ref>', 'only records of this organisation')
    .option('--stage <stage>', 'deals in this stage')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/ls.js'), (what, o) => ({ what, ...o })));

  program.command('show').argument('<ref>', 'slug, id, e-mail, domain or part of a name')
    .description('show a contact, org, deal or conversation')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/show.js'), (ref, o) => ({ ref, ...o })));

  program.command('edit').argument('<ref>', 'record to edit')
    .description('open a record in $VISUAL/$EDITOR, check it and commit it')
    .action(lazy(() => import('../commands/edit.js'), (ref) => ({ ref })));

  program.command('set').argument('<ref>', 'record to change').argument('<pairs...>', 'key=value (key= removes the key)')
    .description('change fields of a record')
    .action(lazy(() => import('../commands/set.js'), (ref, pairs) => ({ ref, pairs })));

  program.command('rename').argument('<ref>', 'record to rename').argument('<new-name>', 'the new name')
    .description('rename a record: new name, new slug, every reference updated')
    .action(lazy(() => import('../commands/rename.js'), (ref, name) => ({ ref, name })));

  program.command('rm').argument('<ref>', 'record to remove')
    .description('remove a record (asks first)')
    .option('-y, --yes', 'do not ask')
    .action(lazy(() => import('../commands/rm.js'), (ref, o) => ({ ref, ...o })));

  program.command('log').argument('<ref>', 'contact, org, deal or conversation').argument('<text>', 'what happened')
    .description('add an entry to the conversation with someone (or start one)')
    .addOption(new Option('--type <type>', 'kind of entry').choices(['call', 'meeting', 'note', 'mail']))
    .option('--at <when>', 'when it happened ("yesterday 3pm"; default now)')
    .option('--next <when>', 'when the next word is due ("friday", "in 3 days")')
    .addOption(new Option('--turn <turn>', 'whose turn it is now').choices(['us', 'them']))
    .option('--deal <ref>', 'link the conversation to a deal')
    .option('--new', 'start a new conversation even if one is open')
    .option('--subject <subject>', 'subject of a new conversation')
    .addHelpText('after', `
A "call: ..." or "meeting: ..." prefix in the text sets the type too.
Whose turn: a note from us leaves it; a call, meeting or mail from us hands it to them.

Examples:
  kith log jane "call: wants SSO pricing" --next friday
  kith log acme "sent the quote" --type mail --turn them`)
    .action(lazy(() => import('../commands/log.js'), (ref, text, o) => ({ ref, text, ...o })));

  program.command('due')
    .description('what needs attention: replies, nudges, promises, chases, reconnects, deals')
    .option('--within <period>', 'how far ahead to look (14d, 2w, 1m)', '14d')
    .option('--all', 'everything, however far ahead')
    .option('--mine', 'only what I own')
    .option('--owner <handle>', "only this teammate's")
    .option('--org <ref>', 'only this organisation')
    .option('--deal <ref>', 'only this deal')
    .option('--tag <tag>', 'only contacts or orgs with this tag')
    .option('--json', 'print JSON: {"now", "items": [...]}')
    .option('--cron', 'a plain digest for cron mail; prints nothing when nothing is due')
    .option('--ics [file]', 'write an iCalendar file of to-dos (stdout without a file)')
    .addHelpText('after', `
Kinds of item:
  reply      our turn: the next date came, or their message waits past the reply window
  nudge      their turn, and they have been silent past the nudge interval
  promise    a promise of ours is coming due or overdue
  chase      a promise of theirs is overdue
  reconnect  a contact's stay-in-touch cadence has run out
  deal       an open deal past its close date, or with no activity for a while

Every morning at 8, mailed by cron when something is due:
  0 8 * * 1-5  cd ~/crm && kith due --cron`)
    .action(lazy(() => import('../commands/due.js'), (o) => ({ ...o })));

  program.command('demo')
    .description('try kith on a copy of the example team, moved to today')
    .action(lazy(() => import('../commands/demo.js'), () => ({})));

  program.command('promise').argument('<ref>', 'contact, org, deal or conversation').argument('<what>', 'what is promised')
    .description('record a promise, ours or theirs, with its date')
    .requiredOption('--by <when>', 'when it is due ("friday", "2026-12-10")')
    .option('--them', 'they promised (default: we did)')
    .option('--who <ref>', 'with --them: which of their people promised')
    .addHelpText('after', `
Examples:
  kith promise jane "send the revised quote" --by friday
  kith promise acme "legal review" --by 2026-12-10 --them`)
    .action(lazy(() => import('../commands/promise.js'), (ref, what, o) => ({ ref, what, ...o })));

  program.command('done').argument('<promise-or-ref>', 'a promise id (p-...), or a conversation with one open promise')
    .description('mark a promise kept (or --broken)')
    .option('--broken', 'the promise was broken')
    .action(lazy(() => import('../commands/done.js'), (ref, o) => ({ ref, ...o })));

  program.command('snooze').argument('<ref>', 'conversation (or contact, org, deal) or a promise id').argument('<when>', 'the new date')
    .description("move a conversation's next date, or a promise's due date")
    .action(lazy(() => import('../commands/snooze.js'), (ref, when) => ({ ref, when })));

  program.command('close').argument('<ref>', 'conversation (or contact, org, deal)')
    .description('close a conversation: nobody owes a word any more')
    .option('--reason <why>', 'why it ended')
    .action(lazy(() => import('../commands/close.js'), (ref, o) => ({ ref, ...o })));

  program.command('reopen').argument('<ref>', 'conversation (or contact, org, deal)')
    .description('reopen a closed conversation: our turn, today')
    .action(lazy(() => import('../commands/close.js'), (ref) => ({ ref, reopen: true })));

  program.command('move').argument('<deal>', 'the deal').argument('<stage>', 'the stage it enters')
    .description("move a deal to another stage (kept in the deal's stage history)")
    .option('--at <when>', 'when it happened (default today)')
    .action(lazy(() => import('../commands/move.js'), (deal, stage, o) => ({ deal, stage, ...o })));

  program.command('won').argument('<deal>', 'the deal')
    .description('mark a deal won')
    .option('--at <when>', 'when it was won (default today)')
    .option('--amount <n>', 'the final amount')
    .action(lazy(() => import('../commands/move.js'), (deal, o) => ({ deal, stage: 'won', ...o })));

  program.command('lost').argument('<deal>', 'the deal')
    .description('mark a deal lost, with the reason')
    .requiredOption('--reason <why>', 'why it was lost (counted in kith pipeline)')
    .option('--at <when>', 'when it was lost (default today)')
    .action(lazy(() => import('../commands/move.js'), (deal, o) => ({ deal, stage: 'lost', ...o })));

  program.command('pipeline')
    .description('stages, forecast, win rate, cycle time, conversion, velocity, stale deals')
    .option('--period <period>', 'closed deals in 2026-Q4, 2026-11, 2026 or 90d (default: this year)')
    .option('--by <key>', 'also break down by owner, org, source or tag')
    .option('--currency <code>', 'report in this currency (rates from kith.yaml)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/pipeline.js'), (o) => ({ ...o })));

  program.command('influence')
    .description('business that came through referrals, credited to who referred it')
    .option('--currency <code>', 'report in this currency')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/influence.js'), (o) => ({ ...o })));

  program.command('report')
    .description('write a self-contained HTML report: funnel, forecast, win rate, influence')
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--period <period>', 'closed deals in 2026-Q4, 2026-11, 2026 or 90d (default: this year)')
    .option('--currency <code>', 'report in this currency')
    .action(lazy(() => import('../commands/report.js'), (o) => ({ ...o })));

  const imp = program.command('import').description('file mail into conversations: mbox, Maildir, .eml files or IMAP')
    .addHelpText('after', `
Only mail with someone we know (a contact, or an address at a known org's domain) is
filed; internal mail, newsletters and unknown senders are counted and skipped. Re-running
an import never files a message twice (Message-ID).

Examples:
  kith import mbox ~/mail/acme.mbox --dry-run
  kith import maildir ~/Maildir/.Customers
  procmail/MDA: | kith import eml -
  */10 * * * *  cd ~/crm && kith import imap      # cron`);
  const importOptions = (c: Command) => c
    .addOption(new Option('--bodies <mode>', 'keep the full text, the trimmed new text, or none (who, when, subject only)').choices(['full', 'trimmed', 'none']).default('trimmed'))
    .option('--dry-run', 'show what would be filed, change nothing')
    .option('--json', 'print a JSON summary');
  importOptions(imp.command('mbox').argument('<files...>', 'mbox files (mboxo or mboxrd)').description('import mbox files'))
    .action(lazy(() => import('../commands/import.js'), (paths, o) => ({ source: 'mbox' as const, paths, ...o })));
  importOptions(imp.command('maildir').argument('<dir>', 'a Maildir folder (with cur/ and new/)').description('import a Maildir'))
    .action(lazy(() => import('../commands/import.js'), (dir, o) => ({ source: 'maildir' as const, paths: [dir], ...o })));
  importOptions(imp.command('eml').argument('<files...>', 'message files, or - for one message on standard input').description('import single messages'))
    .action(lazy(() => import('../commands/import.js'), (paths, o) => ({ source: 'eml' as const, paths, ...o })));
  importOptions(imp.command('imap').description('import new mail from an IMAP account (Inbox and Sent)')
    .option('--account <name>', 'the account in ~/.config/kith/config.yaml (default: the first)')
    .option('--mailbox <name>', 'a mailbox to read (repeatable; default: INBOX and Sent)', collect))
    .action(lazy(() => import('../commands/import.js'), (o) => ({ source: 'imap' as const, ...o })));

  program.command('check')
    .description('check every file; print path:line:col: message per problem')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/check.js'), (o) => ({ ...o })));

  return program;
}

/** Runs the CLI and exits with 0 ok, 1 error, 2 usage or ambiguous reference. */
export async function main(argv: string[]): Promise<void> {
  // `kith ls | head` closes the pipe early: that is the reader's choice, not an error
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err; });
  }
  const program = buildProgram();
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    code = report(err);
  }
  process.exitCode = code;
}

function report(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2;
  }
  if (process.env.KITH_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  if (err instanceof KithError) {
    process.stderr.write(`kith: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`kith: ${message.split('\n')[0]}\n${process.env.KITH_DEBUG === '1' ? '' : 'hint: run again with KITH_DEBUG=1 for details\n'}`);
  return 1;
}
