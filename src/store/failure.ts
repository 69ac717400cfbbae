// What failed, in words: system and git errors met while changing the repository become one
// line naming the file or the cause and what to do, never a raw `EACCES` or `fatal:`.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KithError, quotePath } from '../core/model/index.js';
import { gitDir } from '../git/state.js';

const NOTHING_CHANGED = 'nothing was changed';

const SYSTEM: Readonly<Record<string, [string, string]>> = {
  ENOSPC: ['no space left on the device', 'free some space, then run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space, then run the command again'],
  EACCES: ['permission denied', 'check who owns the repository folder and its files'],
  EPERM: ['the operation is not permitted', 'check who owns the repository folder and its files'],
  EROFS: ['the file system is read-only', 'run kith where the repository can be written'],
  ENOENT: ['a folder on the way is missing', 'check that the repository is complete'],
  ELOOP: ['too many symbolic links on the way', 'records are plain files: replace the link with the file'],
  EISDIR: ['a folder is in the way', 'move the folder aside'],
  ENOTDIR: ['a file is where a folder should be', 'move the file aside'],
  EMFILE: ['too many open files', 'try again with fewer other programs running'],
};

/** A system error (ENOSPC, EACCES...) in words, naming the file; undefined for any other error. */
export function explainSystemError(err: unknown, root?: string, changed = NOTHING_CHANGED): KithError | undefined {
  const e = err as NodeJS.ErrnoException & { path?: string };
  const system = e?.code ? SYSTEM[e.code] : undefined;
  if (!system) return undefined;
  // a temporary file is named after the file it stands for: .x.md.123.tmp -> x.md
  const path = e.path && root ? relative(root, e.path) : e.path;
  const file = path?.replace(/(^|\/)\.([^/]+)\.[0-9a-f]+\.tmp$/, '$1$2');
  return new KithError(
    `${system[0]}${file ? ` (${quotePath(file)})` : ''}`,
    changed ? `${changed}; ${system[1]}` : system[1],
  );
}

function hookIn(root: string): string | undefined {
  try {
    const hooks = readdirSync(join(gitDir(root), 'hooks'));
    return hooks.find((n) => ['pre-commit', 'commit-msg', 'prepare-commit-msg'].includes(n));
  } catch {
    return undefined;
  }
}

/** git's own message, reduced to its first real line. */
function gitLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim());
  return (lines.find((l) => l && !/^hint:/.test(l)) ?? message).replace(/^(fatal|error): /, '');
}

const CANNOT_WRITE =
  /permission denied|read-only file system|insufficient permission|no space left|out of diskspace|couldn't write/i;

function explainGit(message: string, root: string): KithError {
  const dir = relative(root, gitDir(root)) || '.git';
  if (CANNOT_WRITE.test(message)) {
    return new KithError(
      `git cannot write to the repository's ${dir} folder: ${gitLine(message)}`,
      `${NOTHING_CHANGED}; check the permissions and the free space of ${dir}`,
    );
  }
  if (/index\.lock/.test(message)) {
    return new KithError(
      `another git command is working in this repository (${dir}/index.lock exists)`,
      `${NOTHING_CHANGED}; try again when it has finished, or remove ${dir}/index.lock if no git command is running`,
    );
  }
  const hook = hookIn(root);
  if (hook) {
    return new KithError(
      `the commit was refused by the repository's ${hook} hook: ${gitLine(message)}`,
      `${NOTHING_CHANGED}; fix what the hook reports (${dir}/hooks/${hook}), then run the command again`,
    );
  }
  return new KithError(
    `git could not commit: ${gitLine(message)}`,
    `${NOTHING_CHANGED}; run \`git status\` to see why`,
  );
}

/** The error a failed change reports: a KithError as it is, any other in words. */
export function explainFailure(err: unknown, root: string): KithError {
  if (err instanceof KithError) return err;
  const system = explainSystemError(err, root);
  if (system) return system;
  const message = (err as Error)?.message ?? String(err);
  if (existsSync(join(root, '.git'))) return explainGit(message, root);
  return new KithError(message.split('\n')[0]!, NOTHING_CHANGED);
}
