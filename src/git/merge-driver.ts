// The kith merge driver in git's configuration. `.gitattributes` (shared) names it; its command
// lives in .git/config, which clones do not share, and with the attribute set but no driver
// git silently merges lines. So every kith command checks it: one read of .git/config, no git
// spawned; when it is missing or stale the section is written the way git writes its config
// (a config.lock created exclusively, then renamed).
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gitDir } from './state.js';

const DRIVER = 'kith';
const DRIVER_TITLE = 'kith: records merged as data (entries and promises by id, fields three-way)';

/** The attribute lines a data repository's .gitattributes needs (templates/gitattributes has them). */
export const DRIVER_ATTRIBUTES = [
  'contacts/*.md merge=kith',
  'orgs/*.md merge=kith',
  'deals/*.md merge=kith',
  'conversations/*/*.md merge=kith',
  'kith.yaml merge=kith',
] as const;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The command git runs for a file both sides changed: this node and this kith, with git's placeholders. */
export function driverCommand(node: string, kith: string): string {
  return `${shellQuote(node)} ${shellQuote(kith)} merge-driver %O %A %B %P`;
}

/** git config's quoting of a value: inside double quotes, backslash and quote escaped. */
const configValue = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function section(command: string): string {
  return `[merge "${DRIVER}"]\n\tname = ${configValue(DRIVER_TITLE)}\n\tdriver = ${configValue(command)}\n`;
}

/** Where this repository's config file is: .git/config, or a worktree's common folder's. */
function configFile(root: string): string | undefined {
  let dir = gitDir(root);
  try {
    const common = join(dir, 'commondir');
    if (existsSync(common)) dir = resolve(dir, readFileSync(common, 'utf8').trim());
  } catch {
    return undefined;
  }
  const file = join(dir, 'config');
  return existsSync(file) ? file : undefined;
}

/** The config text with the kith section replaced (or added). */
function withSection(text: string, command: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*\[merge\s+"kith"\]\s*$/.test(l));
  if (start < 0) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${section(command)}`;
  let end = start + 1;
  while (end < lines.length && !/^\s*\[/.test(lines[end]!)) end++;
  return [...lines.slice(0, start), section(command).replace(/\n$/, ''), ...lines.slice(end)].join('\n');
}

export type DriverState = 'configured' | 'installed' | 'busy' | 'no-git';

/**
 * Makes sure .git/config runs `command` as the kith merge driver. Cheap when it already does:
 * one small file read. 'busy' when git holds the config lock (the next command will do it).
 */
export function ensureMergeDriver(root: string, command: string): DriverState {
  const file = configFile(root);
  if (!file) return 'no-git';
  const text = readFileSync(file, 'utf8');
  if (text.includes(section(command))) return 'configured';
  const lock = `${file}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o644);
  } catch {
    return 'busy';
  }
  try {
    try {
      writeSync(fd, withSection(text, command));
    } finally {
      closeSync(fd);
    }
    renameSync(lock, file);
  } catch (err) {
    if (existsSync(lock)) unlinkSync(lock);
    throw err;
  }
  return 'installed';
}

/** The driver as environment for kith's own git calls (GIT_CONFIG_COUNT), whatever .git/config says. */
export function driverEnv(command: string): Record<string, string> {
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: `merge.${DRIVER}.name`,
    GIT_CONFIG_VALUE_0: DRIVER_TITLE,
    GIT_CONFIG_KEY_1: `merge.${DRIVER}.driver`,
    GIT_CONFIG_VALUE_1: command,
  };
}
