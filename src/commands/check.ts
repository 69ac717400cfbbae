// `kith check`: every problem in the repository, one `path:line:col: message` each.
import { KithError } from '../core/errors.js';
import { checkRepo } from '../core/check.js';
import { formatProblem, openRepo, printJson, type Env } from './env.js';

export interface CheckOptions {
  readonly json?: boolean;
}

export async function run(opts: CheckOptions, env: Env) {
  const { data } = openRepo(env, { quiet: true });
  const problems = checkRepo(data);
  const errors = problems.filter((p) => p.severity === 'error');
  const records = data.contacts.length + data.orgs.length + data.deals.length + data.conversations.length;
  if (opts.json) printJson(env.out, { records, problems });
  else for (const p of problems) env.out.write(`${formatProblem(p)}\n`);
  if (errors.length) {
    const files = new Set(errors.map((p) => p.file)).size;
    throw new KithError(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  }
  if (!opts.json) env.err.write(`ok: ${records} records checked${problems.length ? `, ${problems.length} warning${problems.length === 1 ? '' : 's'}` : ''}\n`);
  return problems;
}
