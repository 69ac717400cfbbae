// `kith undo [COMMIT] [--list]`: takes back your most recent kith change as a new commit (git
// keeps both), refusing when later commits changed the same files.
import { chooseUndo, KithError, plural, undoable } from '../core/model/index.js';
import { gitIdentity } from '../git/commit.js';
import { changedPaths, contentAt, laterTouches, recentCommits } from '../git/history.js';
import { clean, printJson } from '../render/text/paint.js';
import { repoRoot, withRepo, type Env } from './env.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '[commit]', help: 'the kith commit to undo (default: your most recent one)' }],
  options: [{ flags: '--list', help: 'list the recent kith changes that can be undone' }, JSON_OPTION],
  help: `
Undoing makes a new commit that puts the files back as they were before the change, with
trailers saying what was undone (Kith-Action: undo, Kith-Undoes: <commit>). A change whose
files were changed again since is not undone: undo the later changes first.`,
};

export interface UndoOptions {
  readonly commit?: string;
  readonly list?: boolean;
  readonly json?: boolean;
}

// how far back kith looks for a change to undo
const DEPTH = 200;

export async function run(opts: UndoOptions, env: Env) {
  const root = repoRoot(env);
  const me = (await gitIdentity(root, env.vars)).email;
  if (opts.list) {
    const list = undoable(await recentCommits(root, env.vars, DEPTH), me).slice(0, 20);
    const rows = list.map((c) => ({ commit: c.sha.slice(0, 7), date: c.date, action: c.action, summary: c.summary }));
    if (opts.json) printJson(env.out, rows);
    else if (!rows.length) env.err.write('nothing to undo: no recent kith commit of yours\n');
    else
      for (const r of rows)
        env.out.write(`${r.commit}  ${r.date.slice(0, 16).replace('T', ' ')}  ${clean(r.summary)}\n`);
    return rows;
  }
  return withRepo(env, 'undo', async (repo) => {
    const target = chooseUndo(await recentCommits(root, env.vars, DEPTH), me, opts.commit);
    const paths = await changedPaths(root, env.vars, target.sha);
    // safe when every file is still as the change left it (later changes undone count as none)
    const moved: string[] = [];
    for (const path of paths) {
      if ((await contentAt(root, env.vars, 'HEAD', path)) !== (await contentAt(root, env.vars, target.sha, path)))
        moved.push(path);
    }
    const later = moved.length ? await laterTouches(root, env.vars, target.sha, moved) : [];
    if (moved.length) {
      const what = `${plural(later.length, 'later commit')} changed the same files`;
      throw new KithError(
        `not undoing ${target.sha.slice(0, 7)} (${target.summary}): ${what}:\n${later.map((l) => `  ${l}`).join('\n')}`,
        'undo those first, newest first, or change the files by hand',
      );
    }
    const writes = new Map<string, string>();
    const removes: string[] = [];
    for (const path of paths) {
      const before = await contentAt(root, env.vars, `${target.sha}^`, path);
      if (before === undefined) removes.push(path);
      else writes.set(path, before);
    }
    const sha = await repo.apply({
      writes,
      removes,
      summary: `undo: ${target.summary}`,
      action: 'undo',
      refs: paths,
      trailers: { 'Kith-Undoes': target.sha },
    });
    env.out.write(
      `undid ${target.sha.slice(0, 7)} (${clean(target.summary)}): ${plural(paths.length, 'file')} put back\n`,
    );
    return { undone: target.sha, commit: sha, files: paths };
  });
}
