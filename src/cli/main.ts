// The command line: the program, the command that runs, and the exit code. With process-env.ts
// the only code that reads process.* or exits.
import { Command } from 'commander';
import { report } from './boundary.js';
import { defineCommand, listCommand } from './program.js';
import { COMMANDS } from './registry.js';

const DESCRIPTION = `A git-native social CRM for people who sell from the terminal.

Your customer memory is a git repository of Markdown files; kith tells you whose
turn it is to speak next in every conversation, and when.`;

const EXAMPLES = `
Examples:
  kith init ~/crm --name "Northwind" --domain northwind.example
  kith add contact "Jane Doe" --email jane@acme.example --org acme
  kith log jane "call: wants SSO pricing" --next friday
  kith show acme
  kith check

Exit codes: 0 ok, 1 error, 2 usage error or ambiguous reference.
Environment: KITH_REPO, KITH_NOW (fixes "now"), NO_COLOR, KITH_DEBUG=1 (stack traces), VISUAL/EDITOR.`;

/** The command a command line names: its first word that is not an option (or `help WORD`). */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--repo') i++;
    else if (!arg.startsWith('-')) return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

/** The last --repo DIR (or --repo=DIR) of a command line, as the program will read it. */
function repoOption(argv: readonly string[]): string | undefined {
  let repo: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--repo') repo = argv[i + 1];
    else if (arg.startsWith('--repo=')) repo = arg.slice('--repo='.length);
  });
  return repo;
}

// Commands that read the records and write nothing: git is asked what it vouches for before
// their modules load (a writing command asks once it holds the write lock).
const READERS = new Set(['ls', 'show', 'search', 'due', 'pipeline', 'influence', 'report']);

export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('kith')
    .description(DESCRIPTION)
    .version('0.1.0', '-V, --version')
    .option('--repo <dir>', 'the data repository (default: $KITH_REPO, or the folder holding kith.yaml above here)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', EXAMPLES);
  const name = commandName(argv);
  for (const entry of COMMANDS) {
    if (entry.name !== name) {
      listCommand(program, entry);
      continue;
    }
    const mod = await entry.load();
    defineCommand(
      program.command(entry.name, { hidden: entry.hidden }).description(entry.summary),
      mod.spec,
      async (options, command) => {
        const { processEnv } = await import('./process-env.js');
        await mod.run(options as never, await processEnv(command.optsWithGlobals().repo as string | undefined));
      },
    );
  }
  return program;
}

/** Runs the CLI and sets the exit code: 0 ok, 1 error, 2 usage or ambiguous reference. */
export async function main(argv: string[]): Promise<void> {
  // `kith ls | head` closes the pipe early: that is the reader's choice, not an error
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      else throw err;
    });
  }
  let code = 0;
  const name = commandName(argv);
  if (name && READERS.has(name) && !argv.some((a) => a === '-h' || a === '--help')) {
    const [{ locateRoot }, { startRecordsGitView }] = await Promise.all([
      import('../store/layout.js'),
      import('../store/records-git-view.js'),
    ]);
    const root = locateRoot({ repo: repoOption(argv), envRepo: process.env.KITH_REPO, cwd: process.cwd() });
    if (root) startRecordsGitView(root, process.env);
  }
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    // errors pass the same sanitiser as every other output (loaded only when something failed)
    const { terminalSafeOutput } = await import('../core/model/terminal.js');
    code = await report(err, (text) => process.stderr.write(terminalSafeOutput(text)), process.env.KITH_DEBUG === '1');
  }
  process.exitCode = code;
}
