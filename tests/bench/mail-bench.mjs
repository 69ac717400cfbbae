// Mail import benchmark, run on demand after `npx tsc` (never part of the test suite):
// generates an mbox of N messages and measures each stage in its own process, so every
// peak-memory figure belongs to that stage alone. Usage: node tests/bench/mail-bench.mjs [--messages=10000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../../dist/', import.meta.url);
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const n = Number(args.messages ?? 10000);
const ORGS = 50;
const THREADS = 400;

/** A mix like a real inbox: plain replies with quotes, HTML alternatives, cp1252, small attachments. */
function message(i) {
  const thread = i % THREADS;
  const fromUs = i % 3 === 0;
  const them = `Person ${thread} <p${thread}@org${thread % ORGS}.example>`;
  const head = [
    `From: ${fromUs ? 'Maya Lindqvist <maya@ourco.example>' : them}`,
    `To: ${fromUs ? them : 'Maya Lindqvist <maya@ourco.example>'}`,
    `Subject: ${i >= THREADS ? 'Re: ' : ''}Topic ${thread}`,
    `Date: Tue, ${1 + (i % 27)} Oct 2026 ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 +0200`,
    `Message-ID: <m${i}@bench.example>`,
    ...(i >= THREADS ? [`References: <m${thread}@bench.example>`, `In-Reply-To: <m${i - THREADS}@bench.example>`] : []),
    'MIME-Version: 1.0',
  ];
  const text = `Hello,\n\nthis is message ${i} about topic ${thread}. We looked at the numbers and\nthink the proposal works for us, with one question on the rollout.\nFrom our side the timeline is fine.\n\nBest,\nSomeone\n\nOn Mon, 5 Oct 2026 at 10:00, Maya wrote:\n> earlier text\n> more earlier text\n> and more\n`;
  switch (i % 4) {
    case 0: return `${head.join('\n')}\nContent-Type: text/plain; charset=utf-8\n\n${text}`;
    case 1: return `${head.join('\n')}\nContent-Type: multipart/alternative; boundary="alt${i}"\n\n--alt${i}\nContent-Type: text/plain; charset=utf-8\n\n${text}\n--alt${i}\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>${text.replace(/\n/g, '<br>')}</p></body></html>\n--alt${i}--\n`;
    case 2: return `${head.join('\n')}\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n=93Quoted=94 price: =8050,000 =96 final.\n${text}`;
    default: return `${head.join('\n')}\nContent-Type: multipart/mixed; boundary="mix${i}"\n\n--mix${i}\nContent-Type: text/plain; charset=utf-8\n\n${text}\n--mix${i}\nContent-Type: application/pdf; name="quote-${i}.pdf"\nContent-Transfer-Encoding: base64\n\n${'JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\n'.repeat(40)}--mix${i}--\n`;
  }
}

function repoData(types) {
  const base = { data: {}, body: '', bodyLine: 1, fieldLines: {}, tags: [] };
  return {
    settings: { name: 'Bench', domains: ['ourco.example'], members: [{ handle: 'maya', name: 'Maya', emails: ['maya@ourco.example'] }], currency: 'EUR', rates: {}, stages: types.DEFAULT_STAGES, followup: types.DEFAULT_FOLLOWUP },
    orgs: Array.from({ length: ORGS }, (_, k) => ({ ...base, kind: 'org', id: `o-${k}`, slug: `org-${k}`, path: `orgs/org-${k}.md`, name: `Org ${k}`, domains: [`org${k}.example`] })),
    contacts: [], deals: [], conversations: [], problems: [],
  };
}

async function stage(name, mboxPath) {
  const { mboxSource } = await import(new URL('mail/mbox.js', DIST));
  const { parseMessage } = await import(new URL('mail/message.js', DIST));
  const t = process.hrtime.bigint();
  let count = 0;
  if (name === 'read') {
    for await (const item of mboxSource(mboxPath).messages()) if (item.kind === 'message') count++;
  } else if (name === 'postal-mime') {
    // the parser alone, on messages already in memory (the source's work not counted)
    const raws = [];
    for await (const item of mboxSource(mboxPath).messages()) if (item.kind === 'message') raws.push(item.raw);
    const { default: PostalMime } = await import('postal-mime');
    const t0 = process.hrtime.bigint();
    for (const raw of raws) { await PostalMime.parse(raw); count++; }
    return { count, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  } else if (name === 'parse') {
    for await (const item of mboxSource(mboxPath).messages()) if (item.kind === 'message') { await parseMessage(item.raw, item.origin, item.fallbackDate); count++; }
  } else if (name === 'pipeline') {
    const { planImport } = await import(new URL('core/mail-filing.js', DIST));
    const types = await import(new URL('core/types.js', DIST));
    const messages = [];
    for await (const item of mboxSource(mboxPath).messages()) if (item.kind === 'message') messages.push(await parseMessage(item.raw, item.origin, item.fallbackDate));
    const tp = process.hrtime.bigint();
    const plan = planImport(repoData(types), messages, { bodies: 'trimmed', zone: 'Europe/Paris', today: '2026-11-25' });
    count = messages.length;
    return { count, seconds: Number(process.hrtime.bigint() - t) / 1e9, planSeconds: Number(process.hrtime.bigint() - tp) / 1e9, summary: plan.summary };
  }
  return { count, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

if (args.stage) {
  const result = await stage(args.stage, args.mbox);
  process.stdout.write(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kith-mail-bench-'));
  const mboxPath = join(dir, `bench-${n}.mbox`);
  let text = '';
  for (let i = 0; i < n; i++) text += `From bench@example Tue Oct 20 10:00:00 2026\n${message(i).replace(/^(>*From )/gm, '>$1')}\n`;
  writeFileSync(mboxPath, text);
  text = '';
  console.log(`mbox: ${n} messages, ${(statSync(mboxPath).size / 1048576).toFixed(1)} MB, node ${process.version}\n`);
  console.log('stage                                  msg/s   seconds   peak RSS');
  const labels = { read: 'mbox source only (stream, split)', 'postal-mime': 'postal-mime raw parse (in memory)', parse: 'mbox source + parseMessage', pipeline: 'mbox + parseMessage + planImport' };
  for (const name of Object.keys(labels)) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--stage=${name}`, `--mbox=${mboxPath}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    if (out.count !== n) throw new Error(`${name}: read ${out.count} of ${n} messages`);
    console.log(`${labels[name].padEnd(36)} ${String(Math.round(out.count / out.seconds)).padStart(7)} ${out.seconds.toFixed(2).padStart(9)} ${`${Math.round(out.maxRssMb)} MB`.padStart(10)}`);
    if (out.summary) console.log(`  of which planImport alone: ${out.planSeconds.toFixed(2)} s\n\nplan: ${JSON.stringify(out.summary)}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
