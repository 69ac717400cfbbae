// kith search: every word must match (prefixes too), case and accents folded, over names,
// e-mails, orgs, titles, tags and timeline text; name matches first, then other fields, then
// the most recent; each hit with its file:line; kept current through kith's writes and edits
// outside kith.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

interface Hit {
  path: string;
  line: number;
  kind: string;
  title: string;
  score: number;
  snippet: string;
}

function search(s: Sandbox, ...args: string[]): Hit[] {
  const r = s.kith(['search', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { hits: Hit[] }).hits;
}

const paths = (hits: Hit[]) => hits.map((h) => h.path);

function repo(): Sandbox {
  const s = seededRepo();
  const ok = (args: string[]) => expect(s.kith(args).code).toBe(0);
  ok(['add', 'contact', 'Zoë Müller', '--email', 'zoe@brightwave.example', '--title', 'Head of Data', '--tag', 'vip']);
  ok(['log', 'jane', 'call: wants SSO pricing for 300 seats']);
  ok(['log', 'john', 'note: asked about the Müller rollout']);
  return s;
}

describe('kith search', { timeout: 120_000 }, () => {
  it('folds case and accents, and matches word prefixes', () => {
    const s = repo();
    expect(paths(search(s, 'zoe', 'MULLER', '--kind', 'contact'))).toEqual(['contacts/zoe-mueller.md']);
    expect(paths(search(s, 'pric'))).toEqual([expect.stringMatching(/^conversations\/2026\/jane-doe/)]);
  });

  it('finds records by e-mail, organisation, title, tag and timeline text', () => {
    const s = repo();
    expect(paths(search(s, 'zoe@brightwave.example'))).toEqual(['contacts/zoe-mueller.md']);
    expect(paths(search(s, 'head', 'of', 'data'))).toEqual(['contacts/zoe-mueller.md']);
    expect(paths(search(s, 'vip'))).toEqual(['contacts/zoe-mueller.md']);
    expect(paths(search(s, 'acme', '--kind', 'org'))).toEqual(['orgs/acme.md']);
    expect(paths(search(s, '300', 'seats'))).toEqual([expect.stringMatching(/^conversations\/2026\/jane-doe/)]);
  });

  it('ranks a match in a name above one in a timeline, and gives file:line and the line', () => {
    const s = repo();
    const hits = search(s, 'muller');
    expect(hits.map((h) => h.kind)).toEqual(['contact', 'conversation']);
    expect(hits[0]).toMatchObject({ path: 'contacts/zoe-mueller.md', line: 3, snippet: 'name: Zoë Müller' });
    const text = readFileSync(join(s.dir, hits[1]!.path), 'utf8').split('\n');
    expect(text[hits[1]!.line - 1]).toContain('Müller rollout');
    expect(hits[1]!.snippet).toBe('asked about the Müller rollout');
  });

  it("ranks a record's own name above a mention of it in other records' fields, however recent", () => {
    const s = repo();
    // Jane is named by her contact and her conversation's subject, mentioned by the deal (contacts)
    const jane = search(s, 'jane');
    expect(jane.slice(0, 2).map((h) => h.path).sort()).toEqual([
      'contacts/jane-doe.md',
      expect.stringMatching(/^conversations\/2026\/jane-doe/),
    ]);
    expect(jane[2]).toMatchObject({ path: 'deals/acme-sso-rollout.md', snippet: 'contacts: [jane-doe]' });
    // Acme is named by the org and the deal's title, and only mentioned by the rest (e-mails, org)
    const acme = search(s, 'acme');
    expect(acme.slice(0, 2).map((h) => h.path).sort()).toEqual(['deals/acme-sso-rollout.md', 'orgs/acme.md']);
    expect(acme.slice(2).length).toBeGreaterThan(1);
    for (const hit of acme.slice(2)) expect(hit.score).toBeLessThan(acme[1]!.score);
  });

  it('needs every word, keeps to --kind and --limit, and says when nothing matches', () => {
    const s = repo();
    expect(search(s, 'jane', 'nosuchword')).toEqual([]);
    expect(search(s, 'acme', '--limit', '2')).toHaveLength(2);
    expect(search(s, 'acme', '--kind', 'deal').map((h) => h.kind)).toEqual(['deal']);
    const r = s.kith(['search', 'nosuchword']);
    expect(r).toMatchObject({ code: 0, stdout: 'nothing matches "nosuchword"\n' });
    expect(s.kith(['search', 'x']).code).toBe(2);
    expect(s.kith(['search', 'acme', '--limit', '0']).code).toBe(2);
  });

  it("stays current through kith's writes, edits outside kith and removals", () => {
    const s = repo();
    expect(search(s, 'zebra')).toEqual([]);
    expect(s.kith(['log', 'jane', 'note: the zebra dashboard']).code).toBe(0);
    expect(paths(search(s, 'zebra'))).toEqual([expect.stringMatching(/^conversations\/2026\/jane-doe/)]);
    const john = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Roe', 'John Quokka'));
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    rmSync(john);
    expect(search(s, 'quokka')).toEqual([]);
  });

  it('stays current through git: commits, checkouts, resets and files git does not know yet', () => {
    const s = repo();
    const head = s.git(['rev-parse', 'HEAD']).trim();
    // twice: the second search trusts git's word that nothing moved
    expect(search(s, 'quokka')).toEqual([]);
    expect(search(s, 'quokka')).toEqual([]);
    const john = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Roe', 'John Quokka'));
    s.git(['commit', '-qam', 'John by hand']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    s.git(['checkout', '-q', head]);
    expect(search(s, 'quokka')).toEqual([]);
    s.git(['checkout', '-q', '-']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    s.git(['reset', '-q', '--hard', head]);
    expect(search(s, 'quokka')).toEqual([]);
    writeFileSync(join(s.dir, 'contacts/ann.md'), '---\nid: c-0000000000an\nname: Ann Quokka\n---\n');
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/ann.md']);
    rmSync(join(s.dir, 'contacts/ann.md'));
    expect(search(s, 'quokka')).toEqual([]);
  });

  it("keeps what the index cannot speak for under git's digest: one walk after a change, not one per search", () => {
    const s = repo();
    search(s, 'quokka');
    const john = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Roe', 'John Quokka'));
    s.git(['commit', '-qam', 'John by hand']);
    rmSync(join(s.dir, 'contacts/zoe-mueller.md'));
    s.git(['commit', '-qam', 'Zoë gone']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    const file = join(s.dir, '.kith/search/changes.json');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { changed: string[]; skip: number[] };
    expect(kept.changed).toEqual(['contacts/john-roe.md']);
    expect(kept.skip).toHaveLength(2);
    expect(search(s, 'muller', '--kind', 'contact')).toEqual([]);
    // trusted while git lists the same: made to lie, it is believed
    writeFileSync(file, JSON.stringify({ ...kept, changed: [] }));
    expect(search(s, 'quokka')).toEqual([]);
    // and never once anything moves: an edit, then a commit
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Quokka', 'John Quokka Roe'));
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    s.git(['commit', '-qam', 'John again']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    expect(search(s, 'muller', '--kind', 'contact')).toEqual([]);
  });

  it.each([
    ['corrupt', () => '{"build": '],
    ['of another build', (t: string) => t.replace(/"build":"[0-9a-f]+"/, '"build":"0"')],
    ['of another digest', (t: string) => t.replace(/"git":"[0-9a-f]+"/, '"git":"0"')],
    ['of the wrong shape', (t: string) => t.replace(/"skip":\[[^\]]*\]/, '"skip":"all"')],
  ])('answers as the files do when the kept changes are %s', (_what, damage) => {
    const s = repo();
    search(s, 'quokka');
    const john = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Roe', 'John Quokka'));
    s.git(['commit', '-qam', 'John by hand']);
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
    const file = join(s.dir, '.kith/search/changes.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, damage(text).replace('"changed":["contacts/john-roe.md"]', '"changed":[]'));
    expect(paths(search(s, 'quokka'))).toEqual(['contacts/john-roe.md']);
  });

  it('searches a checkout whose .kith/ cannot be written', () => {
    const s = repo();
    const before = search(s, 'muller');
    expect(before.length).toBeGreaterThan(0);
    rmSync(join(s.dir, '.kith'), { recursive: true, force: true });
    writeFileSync(join(s.dir, '.kith'), 'not a folder\n');
    expect(search(s, 'muller')).toEqual(before);
  });

  it('rebuilds a corrupt index silently', () => {
    const s = repo();
    const before = search(s, 'muller');
    writeFileSync(join(s.dir, '.kith/search/docs.json'), '{"format": 1, "docs": [');
    expect(search(s, 'muller')).toEqual(before);
  });

  it('rebuilds an index whose parts are torn, garbled or of another build, never trusting them', () => {
    const s = repo();
    const before = search(s, 'muller');
    const dir = join(s.dir, '.kith/search');
    const build = () => (JSON.parse(readFileSync(join(dir, 'head.json'), 'utf8')) as { build: string }).build;
    const damages: [string, (text: string) => string][] = [
      ['rows.txt', (t) => t.slice(0, -5)],
      ['rows.txt', (t) => t.replace('"Zoë Müller"', '"Zoë Müller')],
      ['rows.txt', (t) => t.replace(/^[0-9a-f]+/, 'ffffffffffff')],
      ['ranks.txt', (t) => `${t.split('\n').slice(0, -3).join('\n')}\n`],
      ['t-mu.json', (t) => t.replace(/"build":"[0-9a-f]+"/, '"build":"0"')],
      ['t-mu.json', (t) => t.replace(/"muller":\["[^"]*"/, '"muller":["-1"')],
    ];
    for (const [file, damage] of damages) {
      const was = build();
      writeFileSync(join(dir, file), damage(readFileSync(join(dir, file), 'utf8')));
      expect(search(s, 'muller'), file).toEqual(before);
      expect(build(), file).not.toBe(was);
    }
    // the versions are read only when git cannot vouch for the index: after an edit
    writeFileSync(join(dir, 'versions.json'), '{"build": ');
    const john = join(s.dir, 'contacts/john-roe.md');
    writeFileSync(john, readFileSync(john, 'utf8').replace('John Roe', 'John Müller'));
    expect(paths(search(s, 'muller'))).toEqual(['contacts/john-roe.md', ...paths(before)]);
  });

  it('prints hits without the control characters a file may hold', () => {
    const s = repo();
    const jane = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(jane, `${readFileSync(jane, 'utf8')}Likes \u001b[31mred\u001b[0m wombats.\n`);
    const r = s.kith(['search', 'wombats']);
    expect(r.stdout).toBe('contacts/jane-doe.md:10  contact  Jane Doe\n    Likes red wombats.\n1 hit\n');
  });
});
