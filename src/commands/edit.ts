// `kith edit REF`: opens the record in $VISUAL/$EDITOR on a copy, checks it, then writes and
// commits it. A failed editor changes nothing; invalid text is kept, never thrown away.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';
import { KithError } from '../core/errors.js';
import { displayName, resolveRef } from '../core/resolve.js';
import { readRecord } from '../store/records.js';
import { applyChange } from './change.js';
import { formatProblem, openRepo, type Env } from './env.js';

export interface EditOptions {
  readonly ref: string;
}

async function ask(env: Env, question: string): Promise<boolean> {
  if (!env.stdinIsTTY) return false;
  const output = new Writable({ write(chunk, _enc, done) { env.err.write(String(chunk)); done(); } });
  const rl = createInterface({ input: env.stdin, output });
  const answer = await rl.question(question);
  rl.close();
  return !/^n(o)?$/i.test(answer.trim());
}

export async function run(opts: EditOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  const editor = env.vars.VISUAL || env.vars.EDITOR;
  if (!editor) throw new KithError('no editor: set VISUAL or EDITOR', 'e.g. export EDITOR=nano');
  const original = repo.texts.get(target.path)!;
  // the copy keeps the record's file name so editors pick Markdown highlighting
  const copy = join(mkdtempSync(join(tmpdir(), 'kith-edit-')), target.path.replace(/^.*\//, ''));
  writeFileSync(copy, original);
  for (;;) {
    // the editor command may carry arguments ("code --wait"), as git allows
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'kith-edit', copy], { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new KithError(`the editor exited with ${result.status ?? result.signal}: ${target.path} is unchanged`, `your edited text, if any, is in ${copy}`);
    }
    const text = readFileSync(copy, 'utf8');
    if (text === original) {
      env.err.write(`no changes to ${target.path}\n`);
      return { changed: false, path: target.path };
    }
    const problems = readRecord(target.path, text).problems.filter((p) => p.severity === 'error');
    if (!problems.length) {
      await applyChange(repo.root, { writes: new Map([[target.path, text]]), summary: `edit ${target.kind} ${displayName(target)}`, action: 'edit', refs: [target.path] });
      env.out.write(`saved ${target.path}\n`);
      return { changed: true, path: target.path };
    }
    env.err.write(`${problems.map(formatProblem).join('\n')}\n`);
    if (!(await ask(env, 'edit again? [Y/n] '))) {
      throw new KithError(`${target.path} is unchanged: the edited text has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, `your text is kept in ${copy}`);
    }
  }
}
