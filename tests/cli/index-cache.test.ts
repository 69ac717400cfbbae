// The index cache in .kith/cache: never the source of truth. Whatever happens to it (missing,
// corrupt, from another version, behind an edit made outside kith, a checkout, kith's own
// writes), every command answers as it would from the files alone.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeRepository } from '../bench/generate.mjs';
import { sandbox, seededRepo, type Sandbox } from '../helpers/cli.js';
import { withoutId } from '../helpers/shards.js';
import { mail } from '../security/hostile.js';

const CACHE = '.kith/cache';

function shard(
  s: Sandbox,
  name: string,
): { entries: Record<string, { st: number[] | string; r?: Record<string, unknown> }> } {
  // after the line of keys (what resolving a reference reads)
  const text = readFileSync(join(s.dir, CACHE, `${name}.json`), 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1));
}

function ok(s: Sandbox, args: string[]): string {
  const r = s.kith(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Makes a file look older than the cache, as it is once a few seconds have passed. */
function age(s: Sandbox, path: string, seconds = 60): void {
  const t = Date.now() / 1000 - seconds;
  utimesSync(join(s.dir, path), t, t);
}

/** Renames the deal in its file, committed or not. */
function edit(s: Sandbox, commit: boolean): void {
  const path = join(s.dir, 'deals/acme-sso-rollout.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace('Acme SSO rollout', 'Acme SSO renamed'));
  if (commit) s.git(['commit', '-qam', 'rename the deal']);
}

function ageAll(s: Sandbox): void {
  for (const dir of ['contacts', 'orgs', 'deals']) for (const f of readdirSync(join(s.dir, dir))) age(s, `${dir}/${f}`);
}

describe('the index cache', { timeout: 120_000 }, () => {
  it('is built silently on the first read, kept out of git, and gives the same answers', () => {
    const s = seededRepo();
    const first = ok(s, ['ls', 'contacts', '--json']);
    expect(readdirSync(join(s.dir, CACHE)).sort()).toEqual([
      'contacts.json',
      'deals.json',
      'git-view.json',
      'manifest.json',
      'orgs.json',
      'views',
    ]);
    expect(ok(s, ['ls', 'contacts', '--json'])).toBe(first);
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(shard(s, 'contacts').entries['contacts/jane-doe.md']?.r?.name).toBe('Jane Doe');
  });

  it.each([
    ['missing', (file: string) => rmSync(file)],
    ['empty', (file: string) => writeFileSync(file, '')],
    ['corrupt', (file: string) => writeFileSync(file, '{"format": 2, "entries": {"contacts/jane-doe.md": ')],
    ['not JSON at all', (file: string) => writeFileSync(file, '\u0000\u0001 garbage')],
    [
      'from another format',
      (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/"format":\d+/g, '"format":999')),
    ],
    [
      'from another Kith version',
      (file: string) =>
        writeFileSync(file, readFileSync(file, 'utf8').replace(/"kith":"[^"]*"/g, '"kith":"0.0.0-old"')),
    ],
  ])('is rebuilt when %s', (_what, spoil) => {
    const s = seededRepo();
    ageAll(s);
    const before = ok(s, ['ls', 'contacts', '--json']);
    // a cache that lies about Jane: only a rebuild can put her name right
    const file = join(s.dir, CACHE, 'contacts.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Jane Doe"', '"Wrong Name"'));
    spoil(file);
    expect(ok(s, ['ls', 'contacts', '--json'])).toBe(before);
    expect(shard(s, 'contacts').entries['contacts/jane-doe.md']?.r?.name).toBe('Jane Doe');
  });

  it('is rebuilt when kith.yaml changes, since due dates depend on its settings', () => {
    const s = seededRepo();
    ageAll(s);
    ok(s, ['ls', 'contacts']);
    const file = join(s.dir, CACHE, 'contacts.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Jane Doe"', '"Wrong Name"'));
    writeFileSync(join(s.dir, 'kith.yaml'), `${readFileSync(join(s.dir, 'kith.yaml'), 'utf8')}# changed\n`);
    expect(ok(s, ['ls', 'contacts'])).toContain('Jane Doe');
  });

  it('is used while the files have not changed, and kith check --full re-reads everything', () => {
    const s = seededRepo();
    ageAll(s);
    ok(s, ['ls', 'contacts']);
    // the same stat data, another name: proof the listing came from the cache
    const file = join(s.dir, CACHE, 'contacts.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Jane Doe"', '"Cached Name"'));
    expect(ok(s, ['ls', 'contacts'])).toContain('Cached Name');
    s.kith(['check', '--full']);
    expect(ok(s, ['ls', 'contacts'])).toContain('Jane Doe');
  });

  it('sees an edit made in place outside kith, even of the same size', () => {
    const s = seededRepo();
    ageAll(s);
    ok(s, ['ls', 'contacts']);
    const path = join(s.dir, 'contacts/jane-doe.md');
    const { mtime, size } = statSync(path);
    // an editor that writes in place, same length, mtime put back: only ctime and the racy rule see it
    writeFileSync(path, readFileSync(path, 'utf8').replace('Jane Doe', 'Jana Dox'));
    utimesSync(path, mtime, mtime);
    expect(statSync(path).size).toBe(size);
    expect(ok(s, ['ls', 'contacts'])).toContain('Jana Dox');
  });

  it('re-reads a file written within the same tick as the cache, however its stat looks', () => {
    const s = seededRepo();
    ok(s, ['ls', 'contacts']);
    // the files are as new as the cache: not trusted, read again, so this edit is seen
    const path = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('John Roe', 'Joan Rox'));
    expect(ok(s, ['ls', 'contacts'])).toContain('Joan Rox');
  });

  it('follows files added and removed outside kith, and a checkout of another commit', () => {
    const s = seededRepo();
    ageAll(s);
    ok(s, ['ls', 'contacts']);
    const head = s.git(['rev-parse', 'HEAD']).trim();
    ok(s, ['add', 'contact', 'Ann Lee', '--email', 'ann@acme.example']);
    expect(ok(s, ['ls', 'contacts'])).toContain('Ann Lee');
    s.git(['checkout', '-q', head]);
    expect(ok(s, ['ls', 'contacts'])).not.toContain('Ann Lee');
    s.git(['checkout', '-q', '-']);
    expect(ok(s, ['ls', 'contacts'])).toContain('Ann Lee');
    writeFileSync(join(s.dir, 'contacts/bob.md'), '---\nid: c-000000000bob\nname: Bob Hand\n---\n');
    expect(ok(s, ['ls', 'contacts'])).toContain('Bob Hand');
  });

  it("is kept out of git where the repository's .gitignore does not name .kith/", () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, '.gitignore'), '# nothing of ours\n');
    s.git(['commit', '-qam', 'a .gitignore without .kith/']);
    rmSync(join(s.dir, '.kith'), { recursive: true });
    ok(s, ['due']);
    ok(s, ['log', 'jane', 'call: asked about SSO']);
    ok(s, ['search', 'jane']);
    expect(s.git(['status', '--porcelain'])).toBe('');
    s.git(['add', '-A']);
    expect(s.git(['ls-files', '.kith'])).toBe('');
  });

  it('trusts what a first import wrote into a folder it had no shard for, without reading it again', () => {
    const s = seededRepo();
    ok(s, ['ls', 'contacts']);
    const message = mail({
      from: 'Jane Doe <jane@acme.example>',
      subject: 'Pricing question',
      id: '<p1@acme.example>',
    });
    const r = s.kith(['import', 'eml', '-'], { input: message });
    expect(r.code, r.stderr).toBe(0);
    // a lie in the new shard: it shows only if the file is not read again
    const file = join(s.dir, CACHE, 'conversations-2026.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Pricing question"', '"Cached question"'));
    expect(ok(s, ['ls', 'conversations'])).toContain('Cached question');
    ok(s, ['check', '--full']);
    expect(ok(s, ['ls', 'conversations'])).toContain('Pricing question');
  });

  it('follows a moved HEAD through git, re-reading only the files whose blob moved', () => {
    const s = seededRepo();
    ageAll(s);
    // git's index learns the new stat data, as `git status` teaches it
    s.git(['update-index', '-q', '--refresh']);
    ok(s, ['ls', 'contacts']);
    // a lie about John in the cache: it stays as long as his file is not read again
    const file = join(s.dir, CACHE, 'contacts.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"John Roe"', '"Cached John"'));
    const jane = join(s.dir, 'contacts/jane-doe.md');
    // a teammate's commit arriving by pull: another blob for Jane, John untouched
    writeFileSync(jane, readFileSync(jane, 'utf8').replace('Jane Doe', 'Jane Pulled'));
    s.git(['commit', '-qam', 'rename Jane']);
    let listed = ok(s, ['ls', 'contacts']);
    expect(listed).toContain('Jane Pulled');
    expect(listed).toContain('Cached John');
    s.git(['reset', '-q', '--hard', 'HEAD~1']);
    listed = ok(s, ['ls', 'contacts']);
    expect(listed).toContain('Jane Doe');
    expect(listed).toContain('Cached John');
    // staged but not committed: the index moved, the work tree agrees with it
    writeFileSync(jane, readFileSync(jane, 'utf8').replace('Jane Doe', 'Jane Staged'));
    s.git(['add', 'contacts/jane-doe.md']);
    expect(ok(s, ['ls', 'contacts'])).toContain('Jane Staged');
  });

  it('never trusts a shard written after the manifest vouched for it, when git comes back to that view', () => {
    const s = seededRepo();
    ageAll(s);
    s.git(['update-index', '-q', '--refresh']);
    ok(s, ['ls', 'contacts']);
    ok(s, ['ls', 'contacts']);
    // an edit not committed: the next write cannot carry the manifest over, its shard moves on
    edit(s, false);
    ok(s, ['add', 'contact', 'Ann Lee', '--email', 'ann@acme.example']);
    // back to the commit and files the manifest was written for
    s.git(['reset', '-q', '--hard', 'HEAD~1']);
    expect(ok(s, ['ls', 'contacts'])).not.toContain('Ann Lee');
    expect(ok(s, ['show', 'jane'])).not.toContain('Ann Lee');
    expect(s.kith(['show', 'ann']).code).toBe(2);
    expect(ok(s, ['ls', 'deals'])).not.toContain('Acme SSO renamed');
  });

  it.each<[string, string[]]>([
    ['a new contact', ['add', 'contact', 'Ann Lee', '--email', 'ann@acme.example']],
    ['a logged call', ['log', 'jane', 'call: wants a quote']],
    ['a promise', ['promise', 'jane', 'send the quote', '--by', 'friday']],
    ['a deal won', ['won', 'acme-sso-rollout']],
  ])(
    "never trusts a shard that moved on after a reader read it, when the reader's manifest lands last (%s)",
    (_what, write) => {
      const s = seededRepo();
      ok(s, ['log', 'jane', 'call: first talk']);
      ageAll(s);
      for (const f of readdirSync(join(s.dir, 'conversations/2026'))) age(s, `conversations/2026/${f}`);
      s.git(['update-index', '-q', '--refresh']);
      ok(s, ['ls', 'contacts']);
      ok(s, ['due']);
      // a read-only command vouches for the shards it read; a write splices one of them meanwhile,
      // and the reader's manifest is written last, naming git's view before the write
      const manifest = join(s.dir, CACHE, 'manifest.json');
      const late = readFileSync(manifest);
      ok(s, write);
      writeFileSync(manifest, late);
      // back to the commit and files that manifest was written for
      s.git(['reset', '-q', '--hard', 'HEAD~1']);
      const asks = [
        ['ls', 'contacts', '--json'],
        ['ls', 'conversations', '--json'],
        ['ls', 'deals', '--json'],
        ['due', '--json'],
        ['show', 'jane'],
      ];
      const answers = asks.map((args) => ok(s, args));
      rmSync(join(s.dir, '.kith'), { recursive: true });
      expect(answers).toEqual(asks.map((args) => ok(s, args)));
    },
  );

  it('reads by stat data alone where git cannot answer', () => {
    const s = seededRepo();
    ageAll(s);
    ok(s, ['ls', 'contacts']);
    renameSync(join(s.dir, '.git'), join(s.dir, 'git-away'));
    const path = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Jane Doe', 'Jane Nogit'));
    expect(ok(s, ['ls', 'contacts'])).toContain('Jane Nogit');
    renameSync(join(s.dir, 'git-away'), join(s.dir, '.git'));
    expect(ok(s, ['ls', 'contacts'])).toContain('Jane Nogit');
  });

  it("is brought up to date by kith's own writes, in the same step", () => {
    const s = seededRepo();
    ok(s, ['ls', 'contacts']);
    s.kith(['log', 'jane', 'call: wants SSO pricing']);
    const path = s
      .git(['ls-files', 'conversations'])
      .split('\n')
      .find((p) => p.endsWith('.md'));
    const entry = shard(s, 'conversations-2026').entries[path!];
    // a new folder's file, as a file the cache already knew, gets its committed blob
    expect(entry?.st).toBe(s.git(['hash-object', path!]).trim());
    expect(entry?.r?.subject).toBeDefined();
    s.kith(['log', 'jane', 'call: wants a quote']);
    const after = shard(s, 'conversations-2026').entries[path!];
    expect(after?.st).toBe(s.git(['hash-object', path!]).trim());
    // made from the record the write checked, the entry is what reading the file gives
    rmSync(join(s.dir, CACHE), { recursive: true });
    ok(s, ['ls', 'conversations']);
    expect(shard(s, 'conversations-2026').entries[path!]?.r).toEqual(after?.r);
  });

  it('keeps broken files reported, from the cache as from the files', () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, 'contacts/broken.md'), '---\nname: [unclosed\n---\n');
    age(s, 'contacts/broken.md');
    const first = s.kith(['ls', 'contacts']);
    const second = s.kith(['ls', 'contacts']);
    expect(first.stderr).toMatch(/broken\.md/);
    expect(second).toEqual(first);
  });
  it('reads each kind from its shard only when asked, once git vouches for the whole cache', () => {
    const s = seededRepo();
    expect(s.kith(['log', 'jane', 'call: wants SSO pricing']).code).toBe(0);
    ok(s, ['ls', 'deals']);
    expect(JSON.parse(readFileSync(join(s.dir, CACHE, 'manifest.json'), 'utf8')).folders).toContain(
      'conversations/2026',
    );
    // a listing of deals never opens the conversations' shard
    const conversations = join(s.dir, CACHE, 'conversations-2026.json');
    writeFileSync(conversations, 'garbage');
    const deals = join(s.dir, CACHE, 'deals.json');
    writeFileSync(deals, readFileSync(deals, 'utf8').replaceAll('"Acme SSO rollout"', '"Cached Deal"'));
    // (the listing's own kept answer aside)
    rmSync(join(s.dir, CACHE, 'views'), { recursive: true });
    expect(ok(s, ['ls', 'deals'])).toContain('Cached Deal');
    expect(readFileSync(conversations, 'utf8')).toBe('garbage');
    // a shard that cannot be read is built again from the files git lists
    expect(ok(s, ['ls', 'conversations'])).toContain('Jane Doe');
    expect(shard(s, 'conversations-2026').entries).not.toEqual({});
  });

  it.each<[string, (s: Sandbox) => void]>([
    ['a commit made outside kith', (s) => edit(s, true)],
    ['an edit not committed', (s) => edit(s, false)],
    ['a checkout of an older commit', (s) => s.git(['checkout', '-q', 'HEAD~1'])],
    [
      'a new file nobody added',
      (s) => {
        const text = readFileSync(join(s.dir, 'deals/acme-sso-rollout.md'), 'utf8');
        writeFileSync(join(s.dir, 'deals/new.md'), text.replace(/id: d-\w+/, 'id: d-0000000new01'));
      },
    ],
    ['a manifest that is corrupt', (s) => writeFileSync(join(s.dir, CACHE, 'manifest.json'), '{"format":')],
    ['a shard removed', (s) => rmSync(join(s.dir, CACHE, 'deals.json'))],
  ])('answers as the files do after %s', (_what, move) => {
    const s = seededRepo();
    ok(s, ['ls', 'deals']);
    move(s);
    const listed = ok(s, ['ls', 'deals', '--json']);
    rmSync(join(s.dir, '.kith'), { recursive: true });
    expect(listed).toBe(ok(s, ['ls', 'deals', '--json']));
  });

  it('warns of committed broken files each time, from the manifest as from the files', () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, 'contacts/broken.md'), '---\nname: [unclosed\n---\n');
    s.git(['add', '-A']);
    s.git(['commit', '-qm', 'broken']);
    const first = s.kith(['ls', 'deals']);
    expect(first.stderr).toMatch(/broken\.md/);
    expect(s.kith(['ls', 'deals'])).toEqual(first);
  });

  it("follows kith's own commit: the next command trusts the cache as a whole, without a walk", () => {
    const s = seededRepo();
    ok(s, ['log', 'jane', 'call: wants SSO pricing']);
    ok(s, ['ls', 'deals']);
    ok(s, ['log', 'jane', 'call: wants a quote']);
    // the manifest names git's view after the commit: what the next command will list
    const listing = spawnSync(
      'git',
      ['ls-files', '-z', '-t', '-s', '--', 'contacts', 'orgs', 'deals', 'conversations'],
      {
        cwd: s.dir,
      },
    ).stdout;
    const manifest = JSON.parse(readFileSync(join(s.dir, CACHE, 'manifest.json'), 'utf8'));
    expect(manifest.git).toBe(createHash('sha1').update(listing).digest('hex'));
    // so a listing of deals opens neither the files nor the conversations' shard
    const conversations = join(s.dir, CACHE, 'conversations-2026.json');
    writeFileSync(conversations, 'garbage');
    const deals = join(s.dir, CACHE, 'deals.json');
    const kept = readFileSync(deals, 'utf8');
    writeFileSync(deals, kept.replaceAll('"Acme SSO rollout"', '"Cached Deal"'));
    expect(ok(s, ['ls', 'deals'])).toContain('Cached Deal');
    expect(readFileSync(conversations, 'utf8')).toBe('garbage');
    writeFileSync(deals, kept);
    const shown = ok(s, ['show', 'jane', '--json']);
    rmSync(join(s.dir, '.kith'), { recursive: true });
    expect(shown).toBe(ok(s, ['show', 'jane', '--json']));
  });

  it.each<[string, (s: Sandbox) => void]>([
    ['an edit not committed', (s) => edit(s, false)],
    ['a commit made outside kith', (s) => edit(s, true)],
    ['a staged change', (s) => (edit(s, false), s.git(['add', '-A']))],
  ])("answers as the files do after kith's own commit, then %s", (_what, move) => {
    const s = seededRepo();
    ok(s, ['log', 'jane', 'call: wants SSO pricing']);
    ok(s, ['ls', 'deals']);
    ok(s, ['log', 'jane', 'call: wants a quote']);
    move(s);
    const listed = ok(s, ['ls', 'deals', '--json']);
    expect(listed).toContain('Acme SSO renamed');
    rmSync(join(s.dir, '.kith'), { recursive: true });
    expect(listed).toBe(ok(s, ['ls', 'deals', '--json']));
  });

  it("keeps warning of committed broken files after kith's own commit", () => {
    const s = seededRepo();
    ok(s, ['log', 'jane', 'call: wants SSO pricing']);
    writeFileSync(join(s.dir, 'contacts/broken.md'), '---\nname: [unclosed\n---\n');
    s.git(['add', '-A']);
    s.git(['commit', '-qm', 'broken']);
    const first = s.kith(['ls', 'deals']);
    expect(first.stderr).toMatch(/broken\.md/);
    expect(s.kith(['log', 'jane', 'call: wants a quote']).code).toBe(0);
    expect(s.kith(['ls', 'deals'])).toEqual(first);
  });

  it('answers the same however the repository is named: --repo DIR or --repo=DIR anywhere, KITH_REPO, a subfolder', () => {
    const s = seededRepo();
    const other = seededRepo();
    const expected = ok(s, ['ls', 'deals', '--json']);
    const elsewhere = { cwd: other.dir };
    const forms: [string[], Parameters<Sandbox['kith']>[1]][] = [
      [['--repo', s.dir, 'ls', 'deals', '--json'], elsewhere],
      [['ls', 'deals', '--json', `--repo=${s.dir}`], elsewhere],
      [['ls', '--repo', other.dir, 'deals', '--json', '--repo', s.dir], elsewhere],
      [['ls', 'deals', '--json'], { cwd: other.dir, env: { KITH_REPO: s.dir } }],
      [['ls', 'deals', '--json'], { cwd: join(s.dir, 'contacts') }],
    ];
    edit(other, true);
    for (const [args, opts] of forms) {
      const r = s.kith(args, opts);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout, args.join(' ')).toBe(expected);
    }
  });

  it("sees every edit once git's view is stamped: a new file, one edited in place, one removed", async () => {
    const s = seededRepo();
    // folders changed within a tick of git's answer are never stamped: let them age
    await new Promise((r) => setTimeout(r, 2100));
    ok(s, ['ls', 'deals']);
    const listed = ok(s, ['ls', 'deals', '--json']);
    expect(JSON.parse(readFileSync(join(s.dir, CACHE, 'git-view.json'), 'utf8')).index).toMatch(/^[0-9a-f]{40}$/);
    expect(ok(s, ['ls', 'deals', '--json'])).toBe(listed);
    edit(s, false);
    expect(ok(s, ['ls', 'deals'])).toMatch(/Acme SSO renamed/);
    const path = join(s.dir, 'deals/acme-sso-rollout.md');
    const text = readFileSync(path, 'utf8');
    writeFileSync(join(s.dir, 'deals/copy.md'), text.replace(/^id: .*$/m, 'id: d-00000000c0de'));
    expect(ok(s, ['ls', 'deals', '--json'])).toMatch(/"slug": "copy"/);
    rmSync(path);
    expect(ok(s, ['ls', 'deals', '--json'])).not.toMatch(/"slug": "acme-sso-rollout"/);
  });
});

describe('a cold cache of thousands of files', { timeout: 120_000 }, () => {
  it('is read in threads, and answers and keeps what one thread would (check --full)', () => {
    const s = sandbox();
    writeRepository(s.dir, 2600);
    writeFileSync(join(s.dir, '.gitignore'), '.kith/\n');
    writeFileSync(join(s.dir, 'contacts/broken.md'), '---\nid: c-brokenbroken\nname: [unclosed\n---\n');
    s.git(['init', '-q']);
    s.git(['add', '-A']);
    s.git(['commit', '-qm', 'seed']);
    const asks = [
      ['due', '--json'],
      ['ls', 'conversations', '--json'],
      ['pipeline', '--json'],
      ['show', 'person-7'],
    ];
    const answer = () => asks.map((args) => s.kith(args)).map((r) => [r.code, r.stdout, r.stderr]);
    const shards = () =>
      readdirSync(join(s.dir, CACHE))
        .filter((n) => n.endsWith('.json') && !/^(git-view|manifest)/.test(n))
        .map((n) => withoutId(readFileSync(join(s.dir, CACHE, n), 'utf8')));
    const cold = answer();
    expect(cold[1]![1]).toMatch(/conversations\/2026\//);
    expect(cold[0]![2]).toMatch(/contacts\/broken\.md/);
    const kept = shards();
    expect(kept.length).toBeGreaterThan(3);
    expect(s.kith(['check', '--full']).stdout).toMatch(/contacts\/broken\.md/);
    expect(shards()).toEqual(kept);
    expect(answer()).toEqual(cold);
  });
});
