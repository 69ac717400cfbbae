// Before a sync: the files changed by hand (edited in an editor, not by kith) are checked, and
// committed when they are sound; a broken one stops the sync with its file:line and changes
// nothing. The repository's .gitattributes gains the merge driver's lines if it lacks them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KithError, plural, type Problem } from '../../core/model/index.js';
import type { Vars } from '../../git/git.js';
import { DRIVER_ATTRIBUTES } from '../../git/merge-driver.js';
import { commitPaths } from '../../git/commit.js';
import { workTreeChanges } from '../../git/tree.js';
import { kindOfPath, pathExists, SETTINGS_FILE } from '../layout.js';
import { recordErrors } from '../records.js';
import { readRepoFile } from '../safe-paths.js';
import type { Repo } from '../repo.js';
import { loadSettings } from '../settings.js';

const ATTRIBUTES = '.gitattributes';

/** The settings file's errors, as problems (a YAML error stops `loadSettings`). */
function settingsErrors(root: string): Problem[] {
  try {
    return loadSettings(root).problems.filter((p) => p.severity === 'error');
  } catch (err) {
    const m = /^kith\.yaml:(\d+):(\d+): (.*)$/.exec((err as Error).message);
    return [
      {
        file: SETTINGS_FILE,
        line: Number(m?.[1] ?? 1),
        col: Number(m?.[2] ?? 1),
        message: m?.[3] ?? String(err),
        severity: 'error',
      },
    ];
  }
}

/** .gitattributes with the merge driver's lines it lacks, or undefined when it has them all. */
function attributesWithDriver(text: string): string | undefined {
  const have = new Set(text.split('\n').map((l) => l.trim()));
  const missing = DRIVER_ATTRIBUTES.filter((l) => !have.has(l));
  if (!missing.length) return undefined;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  const note = '# Records merge as data: kith sync, or the kith merge driver under git pull.';
  return `${text}${sep}${note}\n${missing.join('\n')}\n`;
}

export interface HandEdits {
  readonly paths: readonly string[];
  readonly commit?: string;
}

/** Checks and commits what was changed by hand; throws with every problem when a file is broken. */
export async function commitHandEdits(repo: Repo, vars: Vars, format: (p: Problem) => string): Promise<HandEdits> {
  const changed = (await workTreeChanges(repo.root, vars)).filter(
    (c) => c.tracked || kindOfPath(c.path) || c.path === SETTINGS_FILE,
  );
  const problems: Problem[] = [];
  for (const { path } of changed) {
    if (!pathExists(repo.root, path)) continue;
    if (path === SETTINGS_FILE) problems.push(...settingsErrors(repo.root));
    else if (kindOfPath(path)) {
      const { text, problem } = readRepoFile(repo.root, path);
      problems.push(...(problem ? [problem] : recordErrors(path, text!)));
    }
  }
  if (problems.length) {
    const files = new Set(problems.map((p) => p.file)).size;
    throw new KithError(
      `not syncing: ${plural(files, 'file')} changed by hand cannot be read\n${problems.map(format).join('\n')}`,
      'fix them (kith check lists every problem) and run kith sync again; nothing was committed or sent',
    );
  }
  const paths = [...new Set(changed.map((c) => c.path))];
  let commit: string | undefined;
  if (paths.length) {
    // committed as they are on disk, byte for byte (a tracked file need not be text)
    const summary = `commit hand edits to ${paths.length > 3 ? plural(paths.length, 'file') : paths.join(', ')}`;
    const trailers = { 'Kith-Action': 'sync', 'Kith-Ref': paths };
    commit = (await commitPaths(repo.root, vars, { paths, summary, trailers })) || undefined;
  }
  const attributes = existsSync(join(repo.root, ATTRIBUTES)) ? readFileSync(join(repo.root, ATTRIBUTES), 'utf8') : '';
  const upgraded = attributesWithDriver(attributes);
  if (upgraded !== undefined) {
    const summary = 'set up the kith merge driver in .gitattributes';
    const writes = new Map([[ATTRIBUTES, upgraded]]);
    commit = await repo.apply({ writes, removes: [], summary, action: 'sync', refs: [ATTRIBUTES] });
    paths.push(ATTRIBUTES);
  }
  return { paths, commit };
}
