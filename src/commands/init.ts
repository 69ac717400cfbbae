// `kith init [DIR]`: creates a data repository from templates/ and makes the first commit.
import { KithError } from '../core/model/index.js';
import { initialHandle } from '../core/people/index.js';
import { ensureCanCommit, gitIdentity, initRepo, isGitRepo } from '../git/commit.js';
import { folderNames, makeFolder } from '../store/files.js';
import { newRepositoryFiles } from '../store/init.js';
import { SETTINGS_FILE } from '../store/layout.js';
import { applyChange } from '../store/repo.js';
import { basename, resolve } from 'node:path';
import type { Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '[dir]', help: 'folder to create or adopt', default: '.' }],
  options: [
    { flags: '--name <team>', help: 'team name' },
    { flags: '--domain <domain>', help: 'our mail domain (repeat for several)', repeatable: true },
    { flags: '--currency <code>', help: 'reporting currency', default: 'EUR' },
  ],
};

export interface InitOptions {
  readonly dir: string;
  readonly name?: string;
  readonly domain?: readonly string[];
  readonly currency?: string;
}

export async function run(opts: InitOptions, env: Env) {
  const root = resolve(env.cwd, opts.dir);
  const present = (folderNames(root) ?? []).filter((n) => n !== '.git');
  if (present.includes(SETTINGS_FILE))
    throw new KithError(`${root} is already a Kith repository`, 'nothing to do; `kith check` checks it');
  if (present.length) {
    const some = `${present.slice(0, 3).join(', ')}${present.length > 3 ? ', ...' : ''}`;
    throw new KithError(
      `${root} is not empty and not a Kith repository (it has ${some})`,
      'choose an empty or new folder: `kith init ~/crm`',
    );
  }
  makeFolder(root);
  if (!(await isGitRepo(root, env.vars))) await initRepo(root, env.vars);
  await ensureCanCommit(root, env.vars);
  const me = await gitIdentity(root, env.vars);
  const handle = initialHandle(me.email);
  const name = opts.name ?? basename(root);
  const domains = opts.domain?.length
    ? opts.domain.map((d) => d.toLowerCase())
    : me.email
      ? [me.email.split('@')[1]!.toLowerCase()]
      : [];
  const member = { handle, name: me.name ?? handle, emails: me.email ? [me.email.toLowerCase()] : [] };
  const writes = newRepositoryFiles({ name, domains, member, currency: (opts.currency ?? 'EUR').toUpperCase() });
  await applyChange(root, env.vars, {
    writes,
    summary: `start the ${name} customer memory`,
    action: 'init',
    refs: [SETTINGS_FILE],
  });
  env.out.write(`Created a Kith repository in ${root}\n  team ${name}, you are @${handle}\n`);
  env.out.write(`Next: cd ${opts.dir} && kith add org "Acme" --domain acme.example\n`);
  return { root, handle };
}
