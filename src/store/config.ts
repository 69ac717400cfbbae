// Personal settings ($XDG_CONFIG_HOME/kith/config.yaml): handle, time zone, mail accounts.
// They belong to the person, not the team, so they never go into the data repository.
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { KithError } from '../core/model/index.js';
import { checkNode, personalConfigSchema } from '../core/model/schema/index.js';
import { flowStart } from './yaml-errors.js';
import { locator } from './yaml-locate.js';
import { configPath } from './config-path.js';

export interface PersonalConfig {
  readonly handle?: string;
  readonly timezone?: string;
  /** Mail accounts by name, read by `kith import imap`. */
  readonly accounts?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export function readConfig(vars: Readonly<Record<string, string | undefined>>): PersonalConfig {
  const path = configPath(vars);
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: true });
  const hint = 'fix or remove your personal config file';
  const first = doc.errors[0];
  if (first) {
    const flow = flowStart(text, first);
    const at = flow ?? first.linePos?.[0] ?? { line: 1, col: 1 };
    const message = flow?.message ?? first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new KithError(`${path}:${at.line}:${at.col}: ${message}`, hint);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new KithError(`${path}: ${(err as Error).message}`, hint);
  }
  const checked = checkNode(personalConfigSchema, data, { file: path, path: [], locate: locator(doc, text) });
  const problem = checked.problems[0];
  if (problem) throw new KithError(`${problem.file}:${problem.line}:${problem.col}: ${problem.message.trim()}`, hint);
  return checked.value as PersonalConfig;
}
