// `kith init [DIR]`: creates a data repository from templates/ and makes the first commit.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { KithError } from '../core/errors.js';
import { ensureCanCommit, gitIdentity, initRepo, isGitRepo } from '../git/commit.js';
import { TEMPLATES_DIR } from '../store/package-files.js';
import { SETTINGS_FILE } from '../store/repo.js';
import { applyChange } from './change.js';
import type { Env } from './env.js';

export interface InitOptions {
  readonly dir: string;
  readonly name?: string;
  readonly domain?: readonly string[];
  readonly currency?: string;
}

function template(name: string): string {
  return readFileSync(join(TEMPLATES_DIR, name), 'utf8');
}

const inline = (value: unknown) => stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();

export async function run(opts: InitOptions, env: Env) {
  const root = resolve(env.cwd, opts.dir);
  if (existsSync(join(root, SETTINGS_FILE))) {
    throw new KithError(`${root} is already a Kith repository`, 'nothing to do; `kith check` checks it');
  }
  const present = existsSync(root) ? readdirSync(root).filter((n) => n !== '.git') : [];
  if (present.length) {
    throw new KithError(`${root} is not empty and not a Kith repository (it has ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', ...' : ''})`,
      'choose an empty or new folder: `kith init ~/crm`');
  }
  mkdirSync(root, { recursive: true });
  if (!(await isGitRepo(root))) await initRepo(root);
  await ensureCanCommit(root);
  const me = await gitIdentity(root);
  const handle = (me.email?.split('@')[0] ?? 'me').toLowerCase().replace(/[^a-z0-9_-]/g, '');
  const name = opts.name ?? basename(root);
  const domains = opts.domain?.length ? opts.domain.map((d) => d.toLowerCase()) : me.email ? [me.email.split('@')[1]!.toLowerCase()] : [];
  const member = { handle, name: me.name ?? handle, emails: me.email ? [me.email.toLowerCase()] : [] };
  const settings = template('kith.yaml')
    .replace('{{name}}', inline(name))
    .replace('{{domains}}', inline(domains))
    .replace('{{members}}', `  - ${inline(member)}`)
    .replace('{{currency}}', inline((opts.currency ?? 'EUR').toUpperCase()));
  const writes = new Map<string, string>([
    [SETTINGS_FILE, settings],
    ['README.md', template('README.md').replaceAll('{{team}}', name)],
    ['.gitignore', template('gitignore')],
    ['.gitattributes', template('gitattributes')],
  ]);
  // git keeps no empty folders: a .gitkeep makes the layout visible from the first commit
  for (const dir of ['contacts', 'orgs', 'deals', 'conversations']) writes.set(`${dir}/.gitkeep`, '');
  await applyChange(root, { writes, summary: `start the ${name} customer memory`, action: 'init', refs: [SETTINGS_FILE] });
  env.out.write(`Created a Kith repository in ${root}\n  team ${name}, you are @${handle}\nNext: cd ${opts.dir} && kith add org "Acme" --domain acme.example\n`);
  return { root, handle };
}
