// Benchmarks, run on demand with `npm run bench` (never part of the test suite): start-up,
// commands on a generated repository, and mail import. Prints a table of figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../../bin/kith', import.meta.url).pathname;
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const size = { contacts: Number(args.contacts ?? 2000), conversations: Number(args.conversations ?? 10000), deals: Number(args.deals ?? 1000) };
const runs = Number(args.runs ?? 5);

function generate(root) {
  const w = (path, text) => { mkdirSync(join(root, path, '..'), { recursive: true }); writeFileSync(join(root, path), text); };
  w('kith.yaml', 'name: Bench\ndomains: [ourco.example]\nmembers:\n  - {handle: maya, name: Maya, emails: [maya@ourco.example]}\ncurrency: EUR\n');
  const orgs = Math.max(1, Math.floor(size.contacts / 10));
  for (let i = 0; i < orgs; i++) w(`orgs/org-${i}.md`, `---\nid: o-${String(i).padStart(12, '0')}\nname: Org ${i}\ndomains: [org${i}.example]\n---\n`);
  for (let i = 0; i < size.contacts; i++) {
    w(`contacts/person-${i}.md`, `---\nid: c-${String(i).padStart(12, '0')}\nname: Person ${i}\nemails: [p${i}@org${i % orgs}.example]\norg: org-${i % orgs}\ncadence: 90d\nowner: maya\n---\nNotes.\n`);
  }
  const stages = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
  for (let i = 0; i < size.deals; i++) {
    const stage = stages[i % 6];
    w(`deals/deal-${i}.md`, `---\nid: d-${String(i).padStart(12, '0')}\ntitle: Deal ${i}\norg: org-${i % orgs}\nstage: ${stage}\nhistory:\n  - {stage: lead, at: 2026-0${1 + (i % 8)}-01}\n  - {stage: ${stage}, at: 2026-09-0${1 + (i % 8)}}\namount: ${1000 + i}\ncurrency: EUR\nclose: 2026-12-${String(1 + (i % 28)).padStart(2, '0')}\nowner: maya\n---\n`);
  }
  for (let i = 0; i < size.conversations; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    w(`conversations/2026/conv-${i}.md`, `---\nid: v-${String(i).padStart(12, '0')}\nsubject: Conversation ${i}\nparticipants: [person-${i % size.contacts}]\norg: org-${i % orgs}\nowner: maya\nturn: ${i % 3 === 0 ? 'us' : 'them'}\nnext: 2026-11-${day}\n---\n\n## 2026-10-${day} 10:00 +01:00 · call · @maya {#e-${String(i).padStart(8, '0')}}\n\nTalked.\n\n## 2026-10-${day} 15:00 +01:00 · mail · person-${i % size.contacts} {#e-${String(i + 1).padStart(8, '0')}}\n\nThanks.\n`);
  }
}

function time(label, argv, cwd) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, KITH_NOW: '2026-11-25T10:00:00+01:00', NO_COLOR: '1' }, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${times[Math.floor(times.length / 2)].toFixed(0).padStart(6)} ms   min ${times[0].toFixed(0).padStart(6)} ms`);
}

const root = mkdtempSync(join(tmpdir(), 'kith-bench-'));
console.log(`repository: ${size.contacts} contacts, ${size.conversations} conversations, ${size.deals} deals (${runs} runs each)\n`);
generate(root);
spawnSync('git', ['init', '-q'], { cwd: root });
spawnSync('git', ['add', '-A'], { cwd: root });
spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@ourco.example', 'commit', '-qm', 'bench'], { cwd: root });
time('kith --version', ['--version'], root);
time('kith --help', ['--help'], root);
time('kith ls contacts --json', ['ls', 'contacts', '--json'], root);
time('kith check', ['check'], root);
for (const extra of ['due', 'pipeline']) {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
  if (new RegExp(`^  ${extra}\\b`, 'm').test(help)) time(`kith ${extra}`, [extra], root);
}

// Mail import: the raw parse rate of postal-mime, then the whole import of a 10,000-message
// mbox (stream, parse, plan, write, commit) with its peak memory.
{
  const n = Number(args.messages ?? 10000);
  const threads = 200;
  let text = '';
  const raws = [];
  for (let i = 0; i < n; i++) {
    const thread = i % threads;
    const fromUs = i % 3 === 0;
    const raw = `From: ${fromUs ? 'Maya <maya@ourco.example>' : `Person ${thread} <p${thread}@org${thread % 50}.example>`}\nTo: ${fromUs ? `p${thread}@org${thread % 50}.example` : 'maya@ourco.example'}\nSubject: ${i >= threads ? 'Re: ' : ''}Topic ${thread}\nDate: Tue, ${1 + (i % 27)} Oct 2026 10:${String(i % 60).padStart(2, '0')}:00 +0200\nMessage-ID: <m${i}@bench.example>\n${i >= threads ? `References: <m${thread}@bench.example>\n` : ''}Content-Type: text/plain; charset=utf-8\n\nHello, this is message ${i}.\nA second line of text, and a third one below.\nThanks!\n\nOn Mon, someone wrote:\n> earlier text\n> more earlier text\n`;
    raws.push(raw);
    text += `From bench Tue Oct 20 10:00:00 2026\n${raw}\n`;
  }
  // a fresh team repository with the 50 orgs the mail comes from
  const mailRoot = mkdtempSync(join(tmpdir(), 'kith-bench-mail-'));
  writeFileSync(join(mailRoot, 'kith.yaml'), 'name: Bench\ndomains: [ourco.example]\nmembers:\n  - {handle: maya, name: Maya, emails: [maya@ourco.example]}\n');
  mkdirSync(join(mailRoot, 'orgs'));
  for (let k = 0; k < 50; k++) writeFileSync(join(mailRoot, `orgs/org-${k}.md`), `---\nid: o-${String(k).padStart(12, '0')}\nname: Org ${k}\ndomains: [org${k}.example]\n---\n`);
  spawnSync('git', ['init', '-q'], { cwd: mailRoot });
  spawnSync('git', ['add', '-A'], { cwd: mailRoot });
  spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@ourco.example', 'commit', '-qm', 'bench'], { cwd: mailRoot });
  const mboxPath = join(mailRoot, '..', `bench-${n}.mbox`);
  writeFileSync(mboxPath, text);
  const { default: PostalMime } = await import('postal-mime');
  const t0 = process.hrtime.bigint();
  for (const raw of raws) await PostalMime.parse(raw);
  const parseSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`\npostal-mime raw parse rate            ${Math.round(n / parseSeconds).toString().padStart(6)} messages/s`);
  const rss = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))";
  const t1 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', rss, BIN, 'import', 'mbox', mboxPath], { cwd: mailRoot, env: { ...process.env, KITH_NOW: '2026-11-25T10:00:00+01:00' }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
  if (r.status !== 0) throw new Error(r.stderr);
  const peak = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  console.log(`kith import mbox (${n} messages)     ${Math.round(n / seconds).toString().padStart(6)} messages/s, ${seconds.toFixed(1)} s, peak ${Math.round(peak)} MB`);
  console.log(`  ${r.stdout.trim()}`);
}
