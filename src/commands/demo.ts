// `kith demo`: copies the bundled example team into a temporary folder, moves its story to
// today, commits it, and shows what needs attention with a short tour of what to try next.
import { daysBetween, localDate } from '../core/time/index.js';
import { plural, quotePath } from '../core/model/index.js';
import { commitPaths, gitIdentity, initRepo, setLocalIdentity } from '../git/commit.js';
import { paint } from '../render/text/paint.js';
import { copyExamples, exampleAnchor } from '../store/demo.js';
import { run as due } from './due.js';
import type { Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {};

export interface DemoOptions {
  readonly dir?: string;
}

const TOUR = [
  ['kith show helios-freight', 'an org card: people, deals, conversations'],
  ['kith show kestrel-commercials', 'a timeline, with promises both ways'],
  ['kith ls conversations', 'every conversation and whose turn it is'],
  ['kith log priya "call: usage report walkthrough" --next friday', 'log a call; the turn flips'],
  ['kith done "revised quote"', 'keep a promise'],
  ['kith due --cron', 'the morning digest cron would mail'],
  ['kith check', 'every file is valid'],
];

export async function run(opts: DemoOptions, env: Env) {
  const shift = daysBetween(exampleAnchor(), localDate(env.now, env.zone));
  const root = copyExamples(shift, opts.dir);
  await initRepo(root, env.vars);
  // A fresh machine may have no git identity yet: the demo commits as the example team.
  const me = await gitIdentity(root, env.vars);
  if (!me.name || !me.email) await setLocalIdentity(root, env.vars, 'Maya Lindqvist', 'maya@northwind.example');
  await commitPaths(root, env.vars, {
    paths: ['.'],
    summary: 'demo: the Northwind team, moved to today',
    trailers: { 'Kith-Action': 'demo' },
  });

  const out = env.out;
  const title = paint(out, 'bold', 'Kith demo');
  out.write(`${title}: a copy of the example team (Northwind Analytics) is in\n  ${quotePath(root)}\n`);
  const moved = `${plural(Math.abs(shift), 'day')} ${shift >= 0 ? 'forward' : 'back'}`;
  out.write(`Its story has been moved ${moved} so that it happens around today.\n\n`);
  out.write(`${paint(out, 'bold', '$ kith due')}\n`);
  await due({}, { ...env, repo: root });
  out.write(`\n${paint(out, 'bold', 'Try next')} (from this folder; \`npm link\` puts kith on your PATH)\n`);
  const tour = [
    [`export KITH_REPO=${root}`, 'point kith at the demo copy'],
    ...TOUR,
    [`git -C ${root} log --format="%an  %s"`, 'every change is a commit'],
  ];
  const width = Math.max(...tour.map(([cmd]) => cmd!.length + (cmd!.startsWith('kith') ? 4 : 0))) + 2;
  for (const [cmd, why] of tour) {
    const line = cmd!.startsWith('kith') ? `npx ${cmd}` : cmd!;
    out.write(`  ${line.padEnd(width)}${paint(out, 'dim', `# ${why}`)}\n`);
  }
  return { root, shift };
}
