// `npm run bench` (never part of the test suite): generates repositories of about 1k, 10k and
// 65k files and a 10,000-message mailbox, times kith's commands cold (no cache) and warm
// (median of --runs) with peak memory, and the peers on the same data in the same run:
// node -e 0, taskwarrior `task next` on 50,000 tasks, `notmuch new`, `rg -i`. Writes a
// Markdown table to tests/bench/RESULTS.md, and into README.md's Performance section with --readme.
// Options: --sizes=1000,10000,65000 --runs=3 --messages=10000 --tasks=50000 --readme
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailbox, writeFreshRepository, writeRepository } from './generate.mjs';

const TOP = new URL('../../', import.meta.url).pathname;
const BIN = join(TOP, 'bin/kith');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const sizes = (args.sizes ?? '1000,10000,65000').split(',').map(Number);
const runs = Number(args.runs ?? 3);
const messages = Number(args.messages ?? 10000);
const taskCount = Number(args.tasks ?? 50000);
const NOW = '2026-11-25T10:00:00+01:00';
const work = mkdtempSync(join(tmpdir(), 'kith-bench-'));
const HOME = join(work, 'home');
mkdirSync(HOME);
writeFileSync(join(HOME, '.gitconfig'), '[user]\n\tname = Maya Lindqvist\n\temail = maya@ourco.example\n');
const ENV = { ...process.env, HOME, KITH_NOW: NOW, NO_COLOR: '1', KITH_USER: 'maya', GIT_CONFIG_NOSYSTEM: '1' };
const RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))";

function log(text) {
  process.stderr.write(`${text}\n`);
}

/** One run of a command: wall ms and peak MB (from getrusage of the child, via GNU time when not node). */
function once(cmd, argv, cwd, opts = {}) {
  const isNode = cmd === process.execPath;
  const full = isNode ? ['--import', RSS, ...argv] : argv;
  const t = process.hrtime.bigint();
  const r = spawnSync(isNode ? cmd : '/usr/bin/time', isNode ? full : ['-f', '\nmaxrss %M', cmd, ...full], {
    cwd,
    env: { ...ENV, ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && !opts.anyStatus) throw new Error(`${cmd} ${argv.join(' ')}: ${r.stderr}`);
  const kb = Number(/maxrss (\d+)/.exec(r.stderr ?? '')?.[1] ?? 0);
  return { ms, mb: kb / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median of `runs` runs; `before` runs ahead of each (not timed), to make it cold again. */
function measure(cmd, argv, cwd, opts = {}) {
  const n = opts.runs ?? runs;
  // a warm figure is of warm runs only: the first run keeps the answer the others read
  if (opts.warmup) once(cmd, argv, cwd, opts);
  const got = [];
  for (let i = 0; i < n; i++) {
    opts.before?.();
    got.push(once(cmd, argv, cwd, opts));
  }
  return { ms: median(got.map((g) => g.ms)), mb: Math.max(...got.map((g) => g.mb)), stdout: got.at(-1)?.stdout };
}

/** A measurement, or the error that stopped it: the table is written whatever fails. */
function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    log(String(err.message).slice(0, 300));
    return err;
  }
}

/** An import's rate, of the messages it filed (its --json summary): a skipped message costs little. */
function importNote(fig) {
  if (fig instanceof Error) return '';
  const filed = JSON.parse(fig.stdout).filed;
  return `${Math.round(filed / (fig.ms / 1000))} msg/s, ${filed} of ${messages} filed`;
}

const kith = (argv, cwd, opts) => attempt(() => measure(process.execPath, [BIN, ...argv], cwd, opts));
const git = (argv, cwd) => execFileSync('git', argv, { cwd, env: ENV, stdio: 'pipe', maxBuffer: 1 << 30 });

function repository(files) {
  const root = join(work, `repo-${files}`);
  log(`generating ${files} files...`);
  writeRepository(root, files);
  writeFileSync(join(root, '.gitignore'), '.kith/\n');
  git(['init', '-q', '-b', 'main'], root);
  git(['add', '-A'], root);
  git(['commit', '-qm', 'seed'], root);
  return root;
}

function maildir(mbox) {
  const dir = join(work, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  mbox
    .split(/^From bench .*\n/m)
    .filter(Boolean)
    .forEach((m, i) => writeFileSync(join(dir, 'cur', `${i}.bench:2,S`), m));
  return dir;
}

const results = []; // {size, what, cold?, warm, ms, mb}
function record(size, what, fig, note = '') {
  if (fig instanceof Error)
    return void results.push({ size, what, ms: NaN, mb: NaN, note: `failed: ${fig.message.split('\n')[0]}` });
  results.push({ size, what, ...fig, note });
  log(
    `${String(size).padStart(6)}  ${what.padEnd(40)} ${fig.ms.toFixed(0).padStart(7)} ms ${fig.mb.toFixed(0).padStart(5)} MB ${note}`,
  );
}

// The peers are Debian packages, installed when missing (as root, or through sudo without a
// password), as is GNU time that measures them; one that still cannot run is a row that says
// so, never a figure.
const PEERS = { task: 'taskwarrior', notmuch: 'notmuch', rg: 'ripgrep', '/usr/bin/time': 'time' };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
{
  const missing = Object.keys(PEERS).filter((cmd) => !has(cmd));
  if (missing.length) {
    const packages = missing.map((cmd) => PEERS[cmd]);
    log(`installing ${packages.join(', ')} (Debian packages) for the peers...`);
    const asRoot = process.getuid?.() === 0;
    const apt = (argv) =>
      spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? argv : ['-n', 'apt-get', ...argv], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (apt(['install', '-y', '-qq', ...packages]).status !== 0) {
      apt(['update', '-qq']);
      apt(['install', '-y', '-qq', ...packages]);
    }
  }
}
/** The measurement of a peer, or why there is none. */
const peerRun = (cmd, fn) =>
  [cmd, '/usr/bin/time'].every(has)
    ? attempt(fn)
    : new Error(`${cmd} or GNU time is not installed (apt-get install ${PEERS[cmd]} time)`);

// peers that do not depend on the repository size
const nodeStart = measure(process.execPath, ['-e', '0'], work, { runs: Math.max(runs, 5) });
record('-', 'node -e 0', nodeStart);
record('-', 'kith --help', kith(['--help'], work, { runs: Math.max(runs, 5) }));

// taskwarrior on 50,000 tasks
const taskNext = () => {
  const data = join(work, 'task');
  mkdirSync(data);
  const rc = join(work, 'taskrc');
  writeFileSync(rc, `data.location=${data}\nconfirmation=off\nverbose=nothing\nhooks=off\n`);
  const tasks = Array.from({ length: taskCount }, (_, i) => ({
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    description: `follow up ${i} on pricing`,
    status: 'pending',
    entry: '20260101T000000Z',
    due: `2026${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}T000000Z`,
    project: `p${i % 50}`,
  }));
  log(`importing ${taskCount} tasks into taskwarrior...`);
  spawnSync('task', [`rc:${rc}`, 'import', '-'], {
    input: JSON.stringify(tasks),
    env: ENV,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return measure('task', [`rc:${rc}`, 'next'], work, { anyStatus: true });
};
record('-', `task next (${taskCount} tasks)`, peerRun('task', taskNext));

// mail: the same 10,000 messages as an mbox for kith and a Maildir for notmuch
const mbox = mailbox(messages);
const mboxPath = join(work, 'bench.mbox');
writeFileSync(mboxPath, mbox);
const mail = maildir(mbox);
{
  const cfg = join(work, 'notmuch-config');
  writeFileSync(
    cfg,
    `[database]\npath=${mail}\n[new]\ntags=unread;inbox\n[user]\nname=Maya\nprimary_email=maya@ourco.example\n`,
  );
  const fig = peerRun('notmuch', () =>
    measure('notmuch', ['new', '--quiet'], work, {
      env: { NOTMUCH_CONFIG: cfg },
      before: () => rmSync(join(mail, '.notmuch'), { recursive: true, force: true }),
    }),
  );
  record('-', `notmuch new (${messages} messages)`, fig);
}
{
  const fresh = () => {
    const root = join(work, 'fresh');
    rmSync(root, { recursive: true, force: true });
    writeFreshRepository(root);
    git(['init', '-q', '-b', 'main'], root);
    git(['add', '-A'], root);
    git(['commit', '-qm', 'seed'], root);
    return root;
  };
  const root = fresh();
  const fig = kith(['import', 'mbox', '--json', mboxPath], root, { runs: 1 });
  record('-', `import mbox, fresh repo (${messages} msgs)`, fig, importNote(fig));
}

for (const size of sizes) {
  const root = repository(size);
  const clear = () => rmSync(join(root, '.kith'), { recursive: true, force: true });
  record(size, 'due --json, cold (no cache)', kith(['due', '--json'], root, { runs: 1, before: clear }));
  kith(['search', 'pricing'], root, { runs: 1 }); // builds the search index
  const warm = [
    ['due --json', ['due', '--json']],
    ['pipeline', ['pipeline']],
    ['show CONTACT', ['show', 'person-7']],
    ['show ORG', ['show', 'org-3']],
    ['ls deals', ['ls', 'deals']],
    ['ls conversations', ['ls', 'conversations']],
    ['search WORD', ['search', 'procurement']],
  ];
  for (const [what, argv] of warm) record(size, `${what}, warm`, kith(argv, root, { warmup: true }));
  const rg = () => measure('rg', ['-i', '-l', 'procurement', '.'], root, { anyStatus: true });
  record(size, 'rg -i WORD (same repo)', peerRun('rg', rg));
  record(size, 'log (write and commit), warm', kith(['log', 'conv-7', 'note: bench entry'], root));
  // what a warm figure leaves out: the first answer after a change works the due list out again
  const write = () => once(process.execPath, [BIN, 'log', 'conv-8', 'note: bench change'], root);
  record(size, 'due --json, first after a write', kith(['due', '--json'], root, { before: write }));
  record(size, 'ls deals, first after a write', kith(['ls', 'deals'], root, { before: write }));
  {
    const bare = join(work, `remote-${size}.git`);
    git(['clone', '-q', '--bare', root, bare], work);
    git(['remote', 'add', 'origin', bare], root);
    git(['push', '-q', '-u', 'origin', 'main'], root);
    record(size, 'sync, nothing to do (loopback remote)', kith(['sync'], root));
  }
  if (size === sizes.at(-1)) {
    const fig = kith(['import', 'mbox', '--json', mboxPath], root, { runs: 1 });
    record(size, `import mbox into this repo (${messages} msgs)`, fig, importNote(fig));
  }
  rmSync(root, { recursive: true, force: true });
}

// the table
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const peer = (what) => results.find((r) => r.what.startsWith(what));
const ratio = (ms, base) => (Number.isNaN(ms) || Number.isNaN(base.ms) ? '—' : `${(ms / base.ms).toFixed(2)}×`);
const rows = [];
const fmt = (ms) =>
  Number.isNaN(ms) ? 'failed' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
const nodeRow = peer('node -e 0');
const taskRow = peer('task next');
for (const r of results) {
  const rg = results.find((x) => x.size === r.size && x.what.startsWith('rg -i'));
  const vs = [`${ratio(r.ms, nodeRow)} node`];
  if (r.what.startsWith('due') && taskRow) vs.push(`${ratio(r.ms, taskRow)} task next`);
  if (r.what.startsWith('search') && rg) vs.push(`${ratio(r.ms, rg)} rg -i`);
  if (r.what.startsWith('import') && peer('notmuch')) vs.push(`${ratio(r.ms, peer('notmuch'))} notmuch new`);
  rows.push(
    `| ${r.size} | ${r.what} | ${fmt(r.ms)} | ${Number.isNaN(r.mb) ? '—' : `${Math.round(r.mb)} MB`} | ${vs.join(', ')} | ${r.note} |`,
  );
}
const curve = [
  'due --json, warm',
  'due --json, first after a write',
  'due --json, cold (no cache)',
  'search WORD, warm',
  'log (write and commit), warm',
]
  .map(
    (what) =>
      `| ${what} | ${sizes.map((s) => fmt(results.find((r) => r.size === s && r.what === what)?.ms ?? NaN)).join(' | ')} |`,
  )
  .join('\n');
const table = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; median of ${runs} runs
(cold and import: one run; warm: after one run not counted, that keeps the answer), whole
process, wall time and peak resident memory. Size is the
number of record files (10 contacts : 50 conversations : 5 deals : 1 org).

| size | what | wall | peak | ratio | |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

How cost grows with the repository:

| command | ${sizes.join(' | ')} |
| --- | ${sizes.map(() => '---').join(' | ')} |
${curve}
`;
writeFileSync(join(TOP, 'tests/bench/RESULTS.md'), `# Benchmark results\n\n${table}`);
if (args.readme) {
  const readme = readFileSync(join(TOP, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < 0) throw new Error('README.md has no <!-- bench:start --> ... <!-- bench:end --> markers');
  writeFileSync(
    join(TOP, 'README.md'),
    `${readme.slice(0, start)}<!-- bench:start -->\n${table}<!-- bench:end -->${readme.slice(end + 18)}`,
  );
}
process.stdout.write(table);
rmSync(work, { recursive: true, force: true });
