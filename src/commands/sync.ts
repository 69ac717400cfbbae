// `kith sync`: commit hand edits, bring the team's commits in (merged as data), send ours out.
import { KithError } from '../core/model/index.js';
import { syncJson } from '../render/json/sync.js';
import { printJson } from '../render/text/paint.js';
import { formatProblem } from '../render/text/problems.js';
import { renderSync } from '../render/text/sync.js';
import { syncRepo } from '../store/sync/sync.js';
import { mergeDriver, withRepoExcerpts, type Env } from './env.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [{ ...JSON_OPTION, help: 'print what came in and went out as JSON' }],
  help: `
Checks and commits files you edited by hand (a broken one stops it, nothing changed), fetches
the team's commits, merges them as data (timeline entries and promises by id, fields three-way),
pushes, and retries when someone pushed meanwhile. Never prompts: safe in cron.

Every 10 minutes, from cron:
  */10 * * * *  cd ~/crm && kith sync`,
};

export interface SyncOptions {
  readonly json?: boolean;
}

export async function run(opts: SyncOptions, env: Env) {
  // a sync can wait a while for a command in progress: it is usually unattended
  const waiting = { ...env, vars: { KITH_LOCK_TIMEOUT: '60', ...env.vars } };
  try {
    const report = await withRepoExcerpts(waiting, 'sync', (repo) =>
      syncRepo(repo, env.vars, { driver: mergeDriver(env), format: formatProblem }),
    );
    if (opts.json) printJson(env.out, syncJson(report));
    else env.out.write(renderSync(report));
    return report;
  } catch (err) {
    if (opts.json && err instanceof KithError)
      printJson(env.out, { ok: false, error: err.message, hint: err.hint ?? null });
    throw err;
  }
}
