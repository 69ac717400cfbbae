// Personal settings ($XDG_CONFIG_HOME/kith/config.yaml): handle, time zone, mail accounts.
// They belong to the person, not the team, so they never go into the data repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KithError } from '../core/model/index.js';

export interface PersonalConfig {
  readonly handle?: string;
  readonly timezone?: string;
  /** Mail accounts by name, read by `kith import imap`. */
  readonly accounts?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function configPath(vars: Readonly<Record<string, string | undefined>>): string {
  const base = vars.XDG_CONFIG_HOME || join(vars.HOME || '.', '.config');
  return join(base, 'kith', 'config.yaml');
}

export function readConfig(vars: Readonly<Record<string, string | undefined>>): PersonalConfig {
  const path = configPath(vars);
  if (!existsSync(path)) return {};
  try {
    const data = parse(readFileSync(path, 'utf8'), { version: '1.2' }) as unknown;
    return data && typeof data === 'object' ? (data as PersonalConfig) : {};
  } catch (err) {
    throw new KithError(`${path}: ${(err as Error).message.split('\n')[0]}`, 'fix or remove your personal config file');
  }
}
