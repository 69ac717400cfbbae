// `kith demo`: copies the bundled example team into a temporary folder, moves its story to
// today, commits it, and shows what needs attention with a short tour of what to try next.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { daysBetween, localDate } from '../core/dates.js';
import { KithError } from '../core/errors.js';
import { shiftDates } from '../core/shift-dates.js';
import { commitPaths, gitIdentity, initRepo } from '../git/commit.js';
import { EXAMPLES_DIR, TEMPLATES_DIR } from '../store/package-files.js';
import { run as due } from './due.js';
import { paint, type Env } from './env.js';

export interface DemoOptions {
  readonly dir?: string;
}

function textFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel)).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    if (name === '.git') return [];
    return statSync(join(root, path)).isDirectory() ? textFiles(root, path) : [path];
  });
}

export async function run(opts: DemoOptions, env: Env) {
  if (!existsSync(join(EXAMPLES_DIR, 'kith.yaml'))) throw new KithError(`the example repository is missing (${EXAMPLES_DIR})`);
  const root = opts.dir ?? mkdtempSync(join(tmpdir(), 'kith-demo-'));
  cpSync(EXAMPLES_DIR, root, { recursive: true });
  // npm leaves dotfiles such as .gitignore out of packages: make sure the copy has them
  for (const [name, template] of [['.gitignore', 'gitignore'], ['.gitattributes', 'gitattributes']] as const) {
    if (!existsSync(join(root, name))) cpSync(join(TEMPLATES_DIR, template), join(root, name));
  }
  const anchor = (parse(readFileSync(join(EXAMPLES_DIR, '.kith-demo.yaml'), 'utf8')) as { anchor: string }).anchor;
  const shift = daysBetween(anchor, localDate(env.now, env.zone));
  const files = textFiles(root).filter((p) => p.endsWith('.md') || p.endsWith('.yaml'));
  for (const path of files) writeFileSync(join(root, path), shiftDates(readFileSync(join(root, path), 'utf8'), shift));
  await initRepo(root);
  // A fresh machine may have no git identity yet: the demo commits as the example team.
  const me = await gitIdentity(root);
  if (!me.name || !me.email) {
    const { simpleGit } = await import('simple-git');
    await simpleGit(root).addConfig('user.name', 'Maya Lindqvist').addConfig('user.email', 'maya@northwind.example');
  }
  await commitPaths(root, { paths: ['.'], summary: 'demo: the Northwind team, moved to today', trailers: { 'Kith-Action': 'demo' } });

  const out = env.out;
  out.write(`${paint(out, 'bold', 'Kith demo')}: a copy of the example team (Northwind Analytics) is in\n  ${root}\n`);
  out.write(`Its story has been moved ${Math.abs(shift)} days ${shift >= 0 ? 'forward' : 'back'} so that it happens around today.\n\n`);
  out.write(`${paint(out, 'bold', '$ kith due')}\n`);
  await due({}, { ...env, repo: root });
  out.write(`\n${paint(out, 'bold', 'Try next')} (from this folder; \`npm link\` puts kith on your PATH)\n`);
  const tour = [
    [`export KITH_REPO=${root}`, 'point kith at the demo copy'],
    ['kith show helios-freight', 'an org card: people, deals, conversations'],
    ['kith show kestrel-commercials', 'a timeline, with promises both ways'],
    ['kith ls conversations', "every conversation and whose turn it is"],
    ['kith log priya "call: usage report walkthrough" --next friday', 'log a call; the turn flips'],
    ['kith done "revised quote"', 'keep a promise'],
    ['kith due --cron', 'the morning digest cron would mail'],
    ['kith check', 'every file is valid'],
    [`git -C ${root} log --format="%an  %s"`, 'every change is a commit'],
  ];
  const width = Math.max(...tour.map(([cmd]) => cmd!.length + (cmd!.startsWith('kith') ? 4 : 0))) + 2;
  for (const [cmd, why] of tour) {
    const line = cmd!.startsWith('kith') ? `npx ${cmd}` : cmd!;
    out.write(`  ${line.padEnd(width)}${paint(out, 'dim', `# ${why}`)}\n`);
  }
  return { root, shift };
}
