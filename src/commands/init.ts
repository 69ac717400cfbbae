// `kith init [DIR]`: creates a data repository from templates/ and makes the first commit.
import { KithError, normaliseDomain, quotePath, UsageError } from '../core/model/index.js';
import { isCurrency, isDomain } from '../core/model/schema/index.js';
import { clean } from '../render/text/paint.js';
import { initialHandle } from '../core/people/index.js';
import { ensureCanCommit, gitIdentity, initRepo, isGitRepo } from '../git/commit.js';
import { folderNames, makeFolder, readTextFile, removeTree } from '../store/files.js';
import { newRepositoryFiles } from '../store/init.js';
import { SETTINGS_FILE } from '../store/layout.js';
import { applyChange } from '../store/repo.js';
import { basename, join, resolve } from 'node:path';
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

// What a fresh clone of an empty repository on a git host may hold: it is adopted as it is.
const HOST_FILES = /^(README(\.md|\.markdown|\.txt)?|LICEN[CS]E(\.md|\.txt)?)$/i;

/** The team's name, domains and currency as given, or a usage error naming the rule. */
function checkInput(opts: InitOptions): void {
  if (opts.name !== undefined && !opts.name.trim())
    throw new UsageError('--name must not be empty', 'e.g. --name "Northwind"');
  for (const d of opts.domain ?? [])
    if (!isDomain(d.trim())) throw new UsageError(`--domain must be a domain like acme.example, not "${d}"`);
  if (opts.currency !== undefined && !isCurrency(opts.currency))
    throw new UsageError(`--currency must be a three-letter currency code like EUR, not "${opts.currency}"`);
}

export async function run(opts: InitOptions, env: Env) {
  checkInput(opts);
  const root = resolve(env.cwd, opts.dir);
  const existed = folderNames(root);
  const present = (existed ?? []).filter((n) => n !== '.git');
  if (present.includes(SETTINGS_FILE))
    throw new KithError(`${quotePath(root)} is already a Kith repository`, 'nothing to do; `kith check` checks it');
  const hadGit = (existed ?? []).includes('.git');
  const foreign = present.filter((n) => !(hadGit && HOST_FILES.test(n)));
  if (foreign.length) {
    const some = `${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}`;
    throw new KithError(
      `${quotePath(root)} is not empty and not a Kith repository (it has ${some})`,
      'choose an empty or new folder, or a fresh clone of an empty repository: `kith init ~/crm`',
    );
  }
  makeFolder(root);
  if (!hadGit) await initRepo(root, env.vars);
  try {
    await ensureCanCommit(root, env.vars);
  } catch (err) {
    // nothing is left behind: no folder or .git that this run made
    if (!existed) removeTree(root);
    else if (!hadGit) removeTree(join(root, '.git'));
    throw err;
  }
  const me = await gitIdentity(root, env.vars);
  const handle = initialHandle(me.email);
  const name = opts.name?.trim() ?? basename(root);
  const domains = opts.domain?.length
    ? opts.domain.map((d) => normaliseDomain(d))
    : me.email
      ? [me.email.split('@')[1]!.toLowerCase()]
      : [];
  const member = { handle, name: me.name ?? handle, emails: me.email ? [me.email.toLowerCase()] : [] };
  const writes = newRepositoryFiles({ name, domains, member, currency: (opts.currency ?? 'EUR').toUpperCase() });
  // an adopted clone's README stays first; the data format's guide follows it
  if (present.includes('README.md'))
    writes.set('README.md', `${readTextFile(join(root, 'README.md')).trimEnd()}\n\n${writes.get('README.md')}`);
  await applyChange(root, env.vars, {
    writes,
    summary: `start the ${name} customer memory`,
    action: 'init',
    refs: [SETTINGS_FILE],
  });
  env.out.write(`Created a Kith repository in ${quotePath(root)}\n  team ${clean(name)}, you are @${handle}\n`);
  env.out.write(`Next: cd ${quotePath(opts.dir)} && kith add org "Acme" --domain acme.example\n`);
  return { root, handle };
}
