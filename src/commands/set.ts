// `kith set REF key=value ...`: changes fields in place (only those bytes) and commits.
import { parse } from 'yaml';
import { KithError, UsageError } from '../core/errors.js';
import { displayName, resolveRef } from '../core/resolve.js';
import { editFile, parseFile } from '../store/front-matter.js';
import { readRecord } from '../store/records.js';
import { applyChange } from './change.js';
import { formatProblem, openRepo, type Env } from './env.js';

export interface SetOptions {
  readonly ref: string;
  readonly pairs: readonly string[];
}

// Keys that other commands own: changing them by hand would break links or history.
const PROTECTED: Record<string, string> = {
  id: 'an id never changes',
  entries: 'timeline entries live in the body: `kith edit`',
};

/** `amount=48000` -> 48000, `tags=[a, b]` -> a list, anything else stays text. */
export function parseValue(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    const value = parse(raw, { version: '1.2' }) as unknown;
    if (value === null) return raw;
    if (typeof value === 'object' && !/^[[{]/.test(raw.trim())) return raw;
    return value;
  } catch {
    return raw;
  }
}

export async function run(opts: SetOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  const changes: Record<string, unknown> = {};
  for (const pair of opts.pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`expected key=value, got "${pair}"`, 'e.g. kith set jane title=CTO tags=[vip,emea] cadence=');
    const key = pair.slice(0, eq).trim();
    if (PROTECTED[key]) throw new UsageError(`cannot set "${key}": ${PROTECTED[key]}`);
    if (!/^[a-z_][a-z0-9_]*$/i.test(key)) throw new UsageError(`"${key}" is not a field name`);
    changes[key] = parseValue(pair.slice(eq + 1));
  }
  const original = repo.texts.get(target.path)!;
  const text = editFile(original, parseFile(original, target.path), changes);
  const after = readRecord(target.path, text);
  const before = new Set(readRecord(target.path, original).problems.map((p) => p.message));
  const added = after.problems.filter((p) => p.severity === 'error' && !before.has(p.message));
  if (added.length) {
    throw new KithError(`not changed, the result would not be valid:\n${added.map(formatProblem).join('\n')}`);
  }
  const keys = Object.keys(changes);
  await applyChange(repo.root, {
    writes: new Map([[target.path, text]]), summary: `set ${keys.join(', ')} on ${displayName(target)}`, action: 'set', refs: [target.path],
  });
  env.out.write(`${target.path}: ${keys.map((k) => (changes[k] === undefined ? `removed ${k}` : `${k} set`)).join(', ')}\n`);
  return { path: target.path, changes };
}
