import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

// one thread across the year end: the root in December, the replies in January
const message = (id: string, date: string, from: string, refs: string[]) =>
  [
    `From: ${from}`,
    `To: ${from.startsWith('maya') ? 'jane@acme.example' : 'maya@northwind.example'}`,
    `Subject: ${refs.length ? 'Re: ' : ''}Renewal terms`,
    `Date: ${date}`,
    `Message-ID: <${id}@x.example>`,
    ...(refs.length
      ? [`In-Reply-To: <${refs.at(-1)}@x.example>`, `References: ${refs.map((r) => `<${r}@x.example>`).join(' ')}`]
      : []),
    '',
    `Text of ${id}.`,
    '',
  ].join('\n');

const THREAD = {
  root: message('root', 'Mon, 28 Dec 2025 10:00:00 +0100', 'maya@northwind.example', []),
  reply: message('reply', 'Mon, 4 Jan 2026 10:00:00 +0100', 'jane@acme.example', ['root']),
  again: message('again', 'Tue, 5 Jan 2026 10:00:00 +0100', 'maya@northwind.example', ['root', 'reply']),
};

function importSome(s: Sandbox, names: (keyof typeof THREAD)[]) {
  const paths = names.map((n) => {
    const path = join(s.home, `${n}.eml`);
    writeFileSync(path, THREAD[n]);
    return path;
  });
  const r = s.kith(['import', 'eml', ...paths]);
  expect(r.code, r.stderr).toBe(0);
}

const threadFiles = (s: Sandbox) =>
  ['2025', '2026'].flatMap((y) => {
    try {
      return readdirSync(join(s.dir, 'conversations', y)).map((f) => `conversations/${y}/${f}`);
    } catch {
      return [];
    }
  });

describe("a thread's file does not depend on which message came first", () => {
  it('two teammates importing in any order and split end with the same single file', { timeout: 180_000 }, () => {
    const all = seededRepo();
    importSome(all, ['root', 'reply', 'again']);
    const [expected] = threadFiles(all);
    expect(expected).toMatch(/^conversations\/2025\/renewal-terms-[0-9a-z]+\.md$/);
    for (const order of [
      [['again'], ['reply'], ['root']],
      [['reply', 'again'], ['root']],
      [['again'], ['root', 'reply']],
    ] as const) {
      const s = seededRepo();
      for (const batch of order) importSome(s, [...batch]);
      expect(threadFiles(s), JSON.stringify(order)).toEqual([expected]);
    }
  });

  it(
    'moves the file when its first message arrives, history kept, and the dry run says so',
    { timeout: 120_000 },
    () => {
      const s = seededRepo();
      importSome(s, ['again']);
      const [early] = threadFiles(s);
      expect(early).toMatch(/^conversations\/2026\//);
      const dry = s.kith(['import', 'eml', '--dry-run', join(s.home, 'again.eml'), writeAndPath(s, 'root')]);
      expect(dry.stdout).toMatch(/again\.eml.*: already filed/);
      expect(dry.stdout).toMatch(
        new RegExp(`root\\.eml.*→ conversations/2025/renewal-terms-\\w+\\.md \\(moved from ${early}\\)`),
      );
      importSome(s, ['root']);
      const [moved] = threadFiles(s);
      expect(moved).toMatch(/^conversations\/2025\//);
      const log = s.git(['log', '--follow', '--format=%s', '--', moved!]).trim().split('\n');
      expect(log).toHaveLength(2);
      expect(s.kith(['check']).code).toBe(0);
      const shown = JSON.parse(s.kith(['show', moved!, '--json']).stdout);
      expect(shown.entries.map((e: { message_id: string }) => e.message_id)).toEqual([
        '<root@x.example>',
        '<again@x.example>',
      ]);
      expect(shown.created).toBe('2025-12-28');
    },
  );
});

function writeAndPath(s: Sandbox, n: keyof typeof THREAD): string {
  const path = join(s.home, `${n}.eml`);
  writeFileSync(path, THREAD[n]);
  return path;
}

describe('import refuses input that is not what it reads, and says what it looks like', () => {
  it('mbox given a message or a folder, maildir given a file or a plain folder', () => {
    const s = seededRepo();
    const eml = writeAndPath(s, 'root');
    const folder = join(s.home, 'plain');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.eml'), THREAD.reply);
    const cases: [string[], RegExp][] = [
      [
        ['import', 'mbox', eml],
        /root\.eml is a single message \(it starts with headers, not an mbox "From " line\)[^\n]*\nhint: kith import eml /,
      ],
      [
        ['import', 'mbox', folder],
        /plain is a folder: not what kith import mbox reads\nhint: it holds 1 \.eml files: kith import eml /,
      ],
      [['import', 'maildir', eml], /root\.eml is a single message .*: not what kith import maildir reads/],
      [['import', 'maildir', folder], /plain is a folder: not what kith import maildir reads/],
      [['import', 'eml', folder], /plain is a folder: not what kith import eml reads/],
    ];
    for (const [args, message] of cases) {
      const r = s.kith(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  }, 120_000);
});
