// Builds what an attacker would hand us: files committed into a teammate's repository, and
// mail from a stranger. Every security test makes its own, in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, seededRepo, type Sandbox } from '../helpers/cli.js';

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  /** Killed by the time limit: the command hung. */
  readonly hung: boolean;
}

/** Runs kith with a time limit, so a command that would hang or eat memory fails the test instead. */
export function kith(s: Sandbox, args: readonly string[], opts: { input?: string; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, ['--max-old-space-size=300', BIN, ...args], {
    cwd: s.dir,
    env: s.env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 20_000,
    killSignal: 'SIGKILL',
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status, hung: r.signal === 'SIGKILL' };
}

/** A seeded repository (Acme, Jane Doe, John Roe, a deal) to which the test adds hostile files. */
export function teamRepo(): Sandbox {
  return seededRepo();
}

/** Writes a file into the repository (folders made as needed). */
export function put(s: Sandbox, path: string, text: string): string {
  const full = join(s.dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** Commits everything as a teammate would have, `git add -f` included (but this clone's own index caches). */
export function commitAll(s: Sandbox, message = 'teammate'): void {
  s.git(['add', '-A', '-f', '.', ':(exclude).kith/cache', ':(exclude).kith/search', ':(exclude).kith/.gitignore']);
  s.git(['commit', '-q', '-m', message]);
}

/** A folder outside every repository, standing for the user's other files. */
export function elsewhere(): string {
  return mkdtempSync(join(tmpdir(), 'kith-elsewhere-'));
}

/** A conversation file with Jane, holding one mail, a call and a promise. */
export function janeConversation(opts: { thread?: string; subject?: string } = {}): string {
  const thread = opts.thread ?? '<renewal-1@acme.example>';
  return `---
id: v-renewal000001
subject: ${opts.subject ?? 'Renewal terms'}
participants: [jane-doe]
org: acme
turn: us
thread: ${JSON.stringify(thread)}
created: 2026-11-02
promises:
  - {id: p-quote001, from: us, what: send the revised quote, due: 2026-11-27, state: open}
---

## 2026-11-02 10:00 +01:00 · mail · jane-doe {#e-mail0001}
from: Jane Doe <jane@acme.example>
subject: Renewal terms
message-id: ${thread}

Can we talk about the renewal terms?

## 2026-11-03 15:00 +01:00 · call · @maya {#e-call0001}

Talked through the terms; quote to follow.
`;
}

/** One mail as a mail client sends it. */
export function mail(h: {
  from: string;
  to?: string;
  cc?: string;
  subject?: string;
  date?: string;
  id: string;
  replyTo?: string;
  headers?: string;
  body?: string;
}): string {
  const refs = h.replyTo ? `In-Reply-To: ${h.replyTo}\nReferences: ${h.replyTo}\n` : '';
  return (
    `From: ${h.from}\nTo: ${h.to ?? 'Maya Lindqvist <maya@northwind.example>'}\n${h.cc ? `Cc: ${h.cc}\n` : ''}` +
    `Subject: ${h.subject ?? 'Hello'}\nDate: ${h.date ?? 'Tue, 10 Nov 2026 10:00:00 +0100'}\nMessage-ID: ${h.id}\n${refs}` +
    `${h.headers ?? 'Content-Type: text/plain; charset=utf-8\n'}\n${h.body ?? 'Hello there.\n'}`
  );
}
