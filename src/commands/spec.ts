// How a command describes itself to the command line: its arguments, flags and help. Plain
// data, so a command module owns its interface and cli/ turns it into commander's.

export interface ArgSpec {
  /** `<ref>` required, `[dir]` optional, `<files...>` several; the option key is its name. */
  readonly name: string;
  readonly help: string;
  readonly default?: string;
}

export interface OptionSpec {
  /** `--type <type>`, `-y, --yes`, `--ics [file]`: as commander reads them. */
  readonly flags: string;
  readonly help: string;
  readonly choices?: readonly string[];
  readonly default?: string;
  /** May be given several times; the values come as a list. */
  readonly repeatable?: boolean;
  readonly required?: boolean;
}

export interface CommandSpec {
  readonly args?: readonly ArgSpec[];
  readonly options?: readonly OptionSpec[];
  /** Shown after the options in `kith COMMAND --help`: examples, rules. */
  readonly help?: string;
  /** Options this command fixes for the shared run (won: stage won). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Subcommands (`add contact`), each with its own summary and spec. */
  readonly subcommands?: readonly SubcommandSpec[];
}

export interface SubcommandSpec extends CommandSpec {
  readonly name: string;
  readonly summary: string;
}

/** The shared options of listing commands. */
export const JSON_OPTION: OptionSpec = { flags: '--json', help: 'print JSON' };

export const PERIOD_OPTION: OptionSpec = {
  flags: '--period <period>',
  help: 'closed deals in 2026-Q4, 2026-11, 2026 or 90d (default: this year)',
};
