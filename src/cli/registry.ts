// The one registry of commands, in the order `kith --help` lists them (hledger's
// builtinCommands is the model). Each module is imported only when its command runs, so
// start-up pays for one command; the summary is all `kith --help` needs.
import type { Env } from '../commands/env.js';
import type { CommandSpec } from '../commands/spec.js';

interface CommandModule {
  readonly spec: CommandSpec;
  run(options: never, env: Env): Promise<unknown>;
}

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Not listed by `kith --help`: run by git, not by people. */
  readonly hidden?: boolean;
  load(): Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'create a data repository: kith.yaml, folders, README, first commit',
    load: () => import('../commands/init.js'),
  },
  { name: 'add', summary: 'add a contact, org or deal', load: () => import('../commands/add.js') },
  { name: 'ls', summary: 'list records, with filters', load: () => import('../commands/ls.js') },
  { name: 'show', summary: 'show a contact, org, deal or conversation', load: () => import('../commands/show.js') },
  {
    name: 'search',
    summary: 'find records by name, e-mail, org, title, tag or timeline text',
    load: () => import('../commands/search.js'),
  },
  {
    name: 'edit',
    summary: 'open a record in $VISUAL/$EDITOR, check it and commit it',
    load: () => import('../commands/edit.js'),
  },
  { name: 'set', summary: 'change fields of a record', load: () => import('../commands/set.js') },
  {
    name: 'rename',
    summary: 'rename a record: new name, new slug, every reference updated',
    load: () => import('../commands/rename.js'),
  },
  { name: 'rm', summary: 'remove a record (asks first)', load: () => import('../commands/rm.js') },
  {
    name: 'log',
    summary: 'add an entry to the conversation with someone (or start one)',
    load: () => import('../commands/log.js'),
  },
  {
    name: 'due',
    summary: 'what needs attention: replies, nudges, promises, chases, reconnects, deals',
    load: () => import('../commands/due.js'),
  },
  {
    name: 'demo',
    summary: 'try kith on a copy of the example team, moved to today',
    load: () => import('../commands/demo.js'),
  },
  {
    name: 'promise',
    summary: 'record a promise, ours or theirs, with its date',
    load: () => import('../commands/promise.js'),
  },
  { name: 'done', summary: 'mark a promise kept (or --broken)', load: () => import('../commands/done.js') },
  {
    name: 'snooze',
    summary: "move a conversation's next date, or a promise's due date",
    load: () => import('../commands/snooze.js'),
  },
  {
    name: 'close',
    summary: 'close a conversation: nobody owes a word any more',
    load: () => import('../commands/close.js'),
  },
  {
    name: 'reopen',
    summary: 'reopen a closed conversation: our turn, today',
    load: () => import('../commands/reopen.js'),
  },
  {
    name: 'move',
    summary: "move a deal to another stage (kept in the deal's stage history)",
    load: () => import('../commands/move.js'),
  },
  { name: 'won', summary: 'mark a deal won', load: () => import('../commands/won.js') },
  { name: 'lost', summary: 'mark a deal lost, with the reason', load: () => import('../commands/lost.js') },
  {
    name: 'pipeline',
    summary: 'stages, forecast, win rate, cycle time, conversion, velocity, stale deals',
    load: () => import('../commands/pipeline.js'),
  },
  {
    name: 'influence',
    summary: 'business that came through referrals, credited to who referred it',
    load: () => import('../commands/influence.js'),
  },
  {
    name: 'report',
    summary: 'write a self-contained HTML report: funnel, forecast, win rate, influence',
    load: () => import('../commands/report.js'),
  },
  {
    name: 'undo',
    summary: 'take back your most recent kith change, as a new commit',
    load: () => import('../commands/undo.js'),
  },
  {
    name: 'import',
    summary: 'file mail into conversations: mbox, Maildir, .eml files or IMAP',
    load: () => import('../commands/import.js'),
  },
  {
    name: 'check',
    summary: 'check every file; print path:line:col: message per problem',
    load: () => import('../commands/check.js'),
  },
  {
    name: 'sync',
    summary: "share with the team: commit hand edits, merge the team's commits as data, push",
    load: () => import('../commands/sync.js'),
  },
  {
    name: 'clone',
    summary: "clone the team's repository and set it up (merge driver, identity)",
    load: () => import('../commands/clone.js'),
  },
  {
    name: 'resolve',
    summary: 'merge the records a plain `git pull` left in conflict, from the three versions git keeps',
    load: () => import('../commands/resolve.js'),
  },
  {
    name: 'merge-driver',
    summary: "git's merge driver for records (git runs it; see .gitattributes)",
    hidden: true,
    load: () => import('../commands/merge-driver.js'),
  },
];
