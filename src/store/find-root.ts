// Finding the data repository: --repo, $KITH_REPO, or the folder holding kith.yaml above here.
// Light on purpose: a read-only command finds its root before anything heavy loads.
import { resolve } from 'node:path';
import { KithError } from '../core/model/errors.js';
import { quotePath } from '../core/model/terminal.js';
import { locateRoot, SETTINGS_FILE } from './layout.js';

/** Finds the repository root from --repo, $KITH_REPO, or the working directory upwards. */
function findRoot(opts: { repo?: string; envRepo?: string; cwd: string }): string {
  const root = locateRoot(opts);
  if (root) return root;
  const given = opts.repo ?? opts.envRepo;
  if (given)
    throw new KithError(
      `${quotePath(resolve(opts.cwd, given))} is not a Kith repository (no ${SETTINGS_FILE})`,
      `create one with \`kith init ${quotePath(given)}\``,
    );
  throw new KithError(
    'not inside a Kith repository (no kith.yaml here or above)',
    'run `kith init` to make this folder one, or pass --repo DIR (or set KITH_REPO)',
  );
}

/** The root for a command's environment: its --repo, its $KITH_REPO, its working folder. */
export function rootOfEnv(env: { repo?: string; vars: Readonly<Record<string, string | undefined>>; cwd: string }) {
  return findRoot({ repo: env.repo, envRepo: env.vars.KITH_REPO, cwd: env.cwd });
}
