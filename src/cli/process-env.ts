// The Env built from the real process: streams, clock, zone, prompts and the editor. The
// only place (with main.ts) that reads process.*.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';
import type { Env, Output } from '../commands/env.js';
import { KithError } from '../core/model/errors.js';
import { isSafeOutputBytes, terminalSafeOutput } from '../core/model/terminal.js';
import { configPath } from '../store/config-path.js';
import { isIsoDate, isZoneName, zoneOfTz } from '../core/time/index.js';

/** Colour on a terminal, unless NO_COLOR is set to something (no-color.org: empty does not count) or TERM is dumb. */
export function isColor(isTTY: boolean, vars: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY && !vars.NO_COLOR && vars.TERM !== 'dumb';
}

/**
 * How wide tables may be: COLUMNS, but never wider than the terminal; off a terminal (a pipe,
 * a file) unlimited, so nothing read by a program is cut.
 */
function columnsOf(stream: NodeJS.WriteStream, vars: NodeJS.ProcessEnv): number {
  if (!stream.isTTY) return Infinity;
  const terminal = stream.columns || Infinity;
  return Math.min(Number(vars.COLUMNS) || terminal, terminal) || 100;
}

function output(stream: NodeJS.WriteStream, vars: NodeJS.ProcessEnv): Output {
  const isTTY = Boolean(stream.isTTY);
  return {
    // the output boundary: whatever a renderer missed, nothing but our colours drives the terminal
    write: (text) => {
      stream.write(terminalSafeOutput(text));
    },
    writeBytes: (bytes) => {
      stream.write(isSafeOutputBytes(bytes) ? bytes : terminalSafeOutput(bytes.toString('utf8')));
    },
    isTTY,
    color: isColor(isTTY, vars),
    columns: columnsOf(stream, vars),
  };
}

const NOW = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseNow(value: string | undefined): number {
  if (!value) return Date.now();
  const m = NOW.exec(value);
  const ms = m && isIsoDate(m[1]!) ? Date.parse(m[0].length === 10 ? `${value}T12:00:00Z` : value) : NaN;
  if (Number.isNaN(ms))
    throw new KithError(
      `KITH_NOW is not a real ISO date and time: "${value}"`,
      'e.g. KITH_NOW=2026-11-25T09:00:00+01:00',
    );
  return ms;
}

function readLink(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The system's own zone: /etc/localtime's target, else what Intl resolved, else UTC. */
function systemZone(): string {
  const linked = zoneOfTz(':/etc/localtime', readLink);
  if (linked) return linked;
  // resolving the default locale costs ~5 ms more than a zone does: only when the link tells none
  const resolved = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return resolved && isZoneName(resolved) ? resolved : 'UTC';
}

function zoneOf(configured: string | undefined, vars: NodeJS.ProcessEnv): string {
  if (configured) {
    if (isZoneName(configured)) return configured;
    throw new KithError(
      `unknown time zone "${configured}" in your personal config (timezone:)`,
      'use an IANA name such as Europe/Paris',
    );
  }
  // TZ as libc reads it; one Kith cannot read falls back to the system's zone, as libc does
  if (vars.TZ !== undefined) {
    const zone = zoneOfTz(vars.TZ, readLink);
    if (zone) return zone;
    // an Area/Location name that does not exist is a typo worth saying; other rules fall back
    if (/^:?[A-Za-z_]+\/[A-Za-z0-9_/+-]+$/.test(vars.TZ))
      throw new KithError(
        `unknown time zone "${vars.TZ}"`,
        'use an IANA name such as Europe/Paris (config.yaml `timezone:` or TZ)',
      );
    return systemZone();
  }
  return systemZone();
}

async function ask(question: string): Promise<string> {
  // the question goes to stderr, so stdout stays the command's output
  const output = new Writable({
    write(chunk, _enc, done) {
      process.stderr.write(String(chunk));
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The editor command may carry arguments ("code --wait"), as git allows. */
function edit(vars: NodeJS.ProcessEnv, file: string): number | string {
  const editor = vars.VISUAL || vars.EDITOR;
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'kith-edit', file], { stdio: 'inherit' });
  return result.status ?? result.signal ?? 1;
}

export async function processEnv(repo: string | undefined): Promise<Env> {
  const vars = process.env;
  // the personal settings are YAML: its parser loads only when there is a file to read
  const config = existsSync(configPath(vars)) ? (await import('../store/config.js')).readConfig(vars) : {};
  let zone: string | undefined;
  return {
    cwd: process.cwd(),
    vars,
    now: parseNow(vars.KITH_NOW),
    // settled when first asked: looking a zone up costs a command that tells no time ~10 ms
    get zone() {
      return (zone ??= zoneOf(config.timezone, vars));
    },
    out: output(process.stdout, vars),
    err: output(process.stderr, vars),
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    repo,
    node: process.execPath,
    ask,
    edit: (file) => edit(vars, file),
  };
}
