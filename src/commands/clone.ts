// `kith clone URL [DIR]`: clones the team's repository and sets it up: the merge driver in
// .git/config (clones do not share it) and a check that git's identity is a team member.
import { basename, resolve } from 'node:path';
import { checkIdentity } from '../core/people/index.js';
import { KithError, plural, quotePath } from '../core/model/index.js';
import { gitIdentity } from '../git/commit.js';
import { ensureMergeDriver } from '../git/merge-driver.js';
import { checkoutRemoteBranch, cloneRepo } from '../git/remote.js';
import { revParse } from '../git/tree.js';
import { clean } from '../render/text/paint.js';
import { readConfig } from '../store/config.js';
import { folderNames } from '../store/files.js';
import { SETTINGS_FILE } from '../store/layout.js';
import { openRepo as open } from '../store/repo.js';
import { mergeDriver, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<url>', help: 'the team repository (https://, git@host:path, file://...)' },
    { name: '[dir]', help: 'folder to clone into (default: the repository name)' },
  ],
};

export interface CloneOptions {
  readonly url: string;
  readonly dir?: string;
}

export async function run(opts: CloneOptions, env: Env) {
  const dir = opts.dir ?? (basename(opts.url.replace(/\/+$/, '')).replace(/\.git$/, '') || 'crm');
  const root = resolve(env.cwd, dir);
  if (folderNames(root)?.length)
    throw new KithError(`${quotePath(root)} exists and is not empty`, 'choose a new folder: kith clone URL DIR');
  await cloneRepo(env.cwd, env.vars, opts.url, dir);
  ensureMergeDriver(root, mergeDriver(env));
  if (!(await revParse(root, env.vars, 'HEAD'))) await checkoutRemoteBranch(root, env.vars);
  if (!(await revParse(root, env.vars, 'HEAD'))) {
    env.out.write(
      `Cloned an empty repository into ${quotePath(root)}\n` +
        `Make it the team's: kith init ${quotePath(dir)} --name "Team", then cd ${quotePath(dir)} && kith sync\n`,
    );
    return { root, empty: true };
  }
  if (!folderNames(root)?.includes(SETTINGS_FILE))
    throw new KithError(`cloned into ${quotePath(root)}, but it has no ${SETTINGS_FILE}: it is not a Kith repository`);
  const repo = await open(root, env.vars);
  const me = checkIdentity(
    await gitIdentity(root, env.vars),
    repo.settings.members,
    env.vars.KITH_USER?.trim() || readConfig(env.vars).handle,
  );
  const records =
    repo.data.contacts.length + repo.data.orgs.length + repo.data.deals.length + repo.data.conversations.length;
  env.out.write(
    `Cloned ${clean(repo.settings.name)} into ${quotePath(root)}: ${plural(records, 'record')}` +
      `${me.handle ? `, you are @${me.handle}` : ''}\n`,
  );
  const cron = `*/10 * * * * cd ${quotePath(root)} && kith sync`;
  env.out.write(`Keep in step with the team: cd ${quotePath(dir)} && kith sync (from cron: ${cron})\n`);
  if (me.problem) env.err.write(`warning: ${me.problem.message}\nhint: ${me.problem.hint}\n`);
  return { root, empty: false, handle: me.handle, records };
}
