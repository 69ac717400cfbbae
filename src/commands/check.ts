// `kith check`: every problem in the repository, one `path:line:col: message` each.
import { checkRepo } from '../core/check/index.js';
import { KithError, plural } from '../core/model/index.js';
import { printJson } from '../render/text/paint.js';
import { formatProblem } from '../render/text/problems.js';
import { openRepo, type Env } from './env.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [JSON_OPTION, { flags: '--full', help: 'forget the index cache in .kith/ and rebuild it from the files' }],
};

export interface CheckOptions {
  readonly json?: boolean;
  readonly full?: boolean;
}

export async function run(opts: CheckOptions, env: Env) {
  const { data } = await openRepo(env, { quiet: true, rebuild: opts.full });
  const problems = checkRepo(data);
  const errors = problems.filter((p) => p.severity === 'error');
  const records = data.contacts.length + data.orgs.length + data.deals.length + data.conversations.length;
  if (opts.json) printJson(env.out, { records, problems });
  else for (const p of problems) env.out.write(`${formatProblem(p)}\n`);
  if (errors.length) {
    const files = new Set(errors.map((p) => p.file)).size;
    throw new KithError(`${plural(errors.length, 'problem')} in ${plural(files, 'file')}`);
  }
  const warnings = problems.length ? `, ${plural(problems.length, 'warning')}` : '';
  if (!opts.json) env.out.write(`ok: ${plural(records, 'record')} checked${warnings}\n`);
  return problems;
}
