import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

describe('who and which', () => {
  const s = seededRepo();
  const file = (path: string) => readFileSync(join(s.dir, path), 'utf8');
  const addMember = (handle: string) => {
    const yaml = file('kith.yaml').replace(
      /members:\n/,
      `members:\n  - {handle: ${handle}, name: ${handle}, emails: [${handle}@northwind.example]}\n`,
    );
    writeFileSync(join(s.dir, 'kith.yaml'), yaml);
    s.git(['commit', '-qam', `add ${handle}`]);
  };

  it('KITH_USER wins over the personal config, and an unknown one is an error', () => {
    addMember('sam');
    mkdirSync(join(s.home, '.config', 'kith'), { recursive: true });
    writeFileSync(join(s.home, '.config', 'kith', 'config.yaml'), 'handle: maya\n');
    const r = s.kith(['log', 'jane', 'call: pricing', '--new'], { env: { KITH_USER: 'sam' } });
    expect(r.code, r.stderr).toBe(0);
    const path = /conversation (\S+):/.exec(r.stdout)![1]!;
    expect(file(path)).toContain('owner: sam');
    expect(file(path)).toContain('· call · @sam');
    const bad = s.kith(['log', 'jane', 'hello', '--new'], { env: { KITH_USER: 'bob' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('KITH_USER "bob" is not one of the team\'s members');
    expect(bad.stderr).toMatch(/hint: members: .*maya/);
  });

  it('never makes a handle up from a git e-mail that is no member', () => {
    writeFileSync(join(s.home, '.config', 'kith', 'config.yaml'), '');
    const env = {
      GIT_AUTHOR_EMAIL: 'rand@om.example',
      GIT_COMMITTER_EMAIL: 'rand@om.example',
      GIT_AUTHOR_NAME: 'Rand',
      GIT_COMMITTER_NAME: 'Rand',
    };
    writeFileSync(join(s.home, '.gitconfig'), '[user]\n\tname = Rand\n\temail = rand@om.example\n');
    const r = s.kith(['log', 'jane', 'hello', '--new'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('your git e-mail rand@om.example is not one of the team');
    expect(s.git(['status', '--porcelain'])).toBe('');
    expect(s.git(['log', '-1', '--format=%s'])).not.toContain('hello');
  }, 30_000);

  it('a deal is owned by whoever adds it unless --owner', () => {
    writeFileSync(join(s.home, '.gitconfig'), '[user]\n\tname = Maya Lindqvist\n\temail = maya@northwind.example\n');
    expect(s.kith(['add', 'deal', 'Acme extra seats', '--org', 'acme']).code).toBe(0);
    expect(file('deals/acme-extra-seats.md')).toContain('owner: maya');
    expect(s.kith(['add', 'deal', 'Acme training', '--org', 'acme', '--owner', 'sam']).code).toBe(0);
    expect(file('deals/acme-training.md')).toContain('owner: sam');
  });

  it('kith log on an org with several open conversations refuses and lists them', () => {
    expect(s.kith(['log', 'acme', 'call: kick-off', '--new']).code).toBe(0);
    expect(s.kith(['log', 'acme', 'call: security review', '--new', '--subject', 'Security']).code).toBe(0);
    const r = s.kith(['log', 'acme', 'note: which one?']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/acme has \d open conversations:/);
    expect(r.stderr).toContain('hint: name the conversation by its slug');
  });

  it('a conversation begun with a note still gets a next date', () => {
    const r = s.kith(['log', 'john', 'note: met at the fair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('our turn, next by 2026-11-27');
  });

  it('an unknown reference suggests the closest names, for every flag that takes one', () => {
    for (const args of [
      ['show', 'jnae'],
      ['promise', 'jnae', 'x', '--by', 'friday'],
      ['add', 'contact', 'Zed', '--referred-by', 'jnae'],
      ['add', 'deal', 'W', '--org', 'acme', '--contact', 'jnae'],
      ['log', 'jane', 'x', '--deal', 'acme-sso-rolout'],
      ['due', '--org', 'acmee'],
    ]) {
      const r = s.kith(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/hint: did you mean .*(jane-doe|acme-sso-rollout|acme)\b/);
    }
  });

  it('ls does not guess a kind, and a filter that cannot apply or names no member is a usage error', () => {
    const con = s.kith(['ls', 'con']);
    expect(con.code).toBe(2);
    expect(con.stderr).toContain('"con" could be contacts or conversations');
    expect(s.kith(['ls', 'contact']).code).toBe(0);
    const stage = s.kith(['ls', 'contacts', '--stage', 'won']);
    expect([stage.code, stage.stderr]).toEqual([
      2,
      'kith: --stage filters deals, not contacts\nhint: kith ls deals --stage won\n',
    ]);
    for (const args of [
      ['due', '--owner', 'bob'],
      ['ls', 'deals', '--owner', 'bob'],
    ]) {
      const r = s.kith(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--owner "bob" names no member of the team');
    }
  });

  it('slugs stay readable and safe, and a second Jane Doe is warned of', () => {
    const cases = [
      ['李小龙', 'contacts/李小龙.md'],
      ['Grüße GmbH', 'contacts/gruesse-gmbh.md'],
      ['Con', 'contacts/con-1.md'],
      ['Nul', 'contacts/nul-1.md'],
    ];
    for (const [name, path] of cases) {
      const r = s.kith(['add', 'contact', name!]);
      expect(r.stdout).toContain(`(${path})`);
    }
    const twin = s.kith(['add', 'contact', 'Jane Doe']);
    expect(twin.code).toBe(0);
    expect(twin.stdout).toContain('(contacts/jane-doe-2.md)');
    expect(twin.stderr).toContain('warning: another contact is called Jane Doe (contacts/jane-doe.md)');
  });
});
