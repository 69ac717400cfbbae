// Turns the registry and a command's spec into commander's program. Only the command that
// runs is loaded; the others are listed by name and summary.
import { Command, Option } from 'commander';
import type { ArgSpec, CommandSpec, OptionSpec } from '../commands/spec.js';
import type { CommandEntry } from './registry.js';

export type Runner = (options: Record<string, unknown>, command: Command) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `<new-name>` -> newName, `[dir]` -> dir, `<files...>` -> files. */
export function argKey(name: string): string {
  return name.replace(/[<>[\].]/g, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function option(o: OptionSpec): Option {
  const opt = new Option(o.flags, o.help);
  if (o.choices) opt.choices(o.choices);
  if (o.default !== undefined) opt.default(o.default);
  // each value is checked against the choices (commander's own check, which a parser replaces)
  const check = opt.parseArg;
  if (o.repeatable)
    opt.argParser((value: string, previous?: string[]) => collect(check?.(value, '') ?? value, previous));
  if (o.required) opt.makeOptionMandatory();
  return opt;
}

function argument(cmd: Command, a: ArgSpec): void {
  if (a.default !== undefined) cmd.argument(a.name, a.help, a.default);
  else cmd.argument(a.name, a.help);
}

/** Adds a command's arguments, options, help and action, and its subcommands likewise. */
export function defineCommand(cmd: Command, spec: CommandSpec, run: Runner): Command {
  for (const a of spec.args ?? []) argument(cmd, a);
  for (const o of spec.options ?? []) cmd.addOption(option(o));
  if (spec.help) cmd.addHelpText('after', spec.help);
  for (const sub of spec.subcommands ?? []) {
    defineCommand(cmd.command(sub.name).description(sub.summary), sub, run);
  }
  if (spec.subcommands?.length) return cmd;
  cmd.action(async (...values: unknown[]) => {
    const command = values.at(-1) as Command;
    const options: Record<string, unknown> = { ...(values.at(-2) as Record<string, unknown>) };
    (spec.args ?? []).forEach((a, i) => {
      options[argKey(a.name)] = values[i];
    });
    await run({ ...options, ...spec.fixed }, command);
  });
  return cmd;
}

/** A registry entry that is not running: its name and summary, for `kith --help` and suggestions. */
export function listCommand(program: Command, entry: CommandEntry): Command {
  return program
    .command(entry.name, { hidden: entry.hidden })
    .description(entry.summary)
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false);
}
