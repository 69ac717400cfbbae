import { describe, expect, it } from 'vitest';
import { resolveRef, UsageError } from '../../../src/core/model/index.js';
import { contact, conversation, deal, org, repo } from '../../helpers/records.js';
import { random } from '../../helpers/random.js';
import { typoDistance } from '../../../src/core/model/typo-distance.js';
import { allRecords, displayName, fold, type AnyRecord, type RepoData } from '../../../src/core/model/index.js';

const data = repo({
  contacts: [
    contact('jane-doe', { name: 'Jane Doe', emails: ['jane@acme.example'], org: 'acme' }),
    contact('jan-smit', { name: 'Jan Smit', emails: ['jan@globex.example'] }),
    contact('sofia-marin', { name: 'Sofía Marín', emails: ['sofia@brightwave.example'] }),
  ],
  orgs: [
    org('acme', { name: 'Acme Corp', domains: ['acme.example'] }),
    org('globex', { name: 'Globex', domains: ['globex.example'] }),
  ],
  deals: [deal('acme-renewal', { title: 'Acme renewal', org: 'acme' })],
  conversations: [conversation('jane-doe-2026-11-20', { subject: 'Jane Doe', participants: ['jane-doe'] })],
});
const slug = (ref: string, kinds?: Parameters<typeof resolveRef>[2]) => resolveRef(data, ref, kinds).slug;
const failure = (ref: string, kinds?: Parameters<typeof resolveRef>[2]) => {
  try {
    resolveRef(data, ref, kinds);
  } catch (err) {
    return err as UsageError;
  }
  throw new Error(`"${ref}" resolved`);
};

describe('resolving what a person typed', () => {
  it.each([
    ['jane-doe', 'jane-doe'],
    ['c-jane-doe', 'jane-doe'],
    ['contacts/jane-doe.md', 'jane-doe'],
    ['contacts/jane-doe', 'jane-doe'],
    ['Contacts/Jane-Doe.MD', 'jane-doe'],
    ['conversations/2026/jane-doe-2026-11-20.md', 'jane-doe-2026-11-20'],
    ['conversations/jane-doe-2026-11-20', 'jane-doe-2026-11-20'],
    ['JANE@Acme.example', 'jane-doe'],
    ['jane+crm@acme.example', 'jane-doe'],
    ['acme.example', 'acme'],
    ['@globex.example', 'globex'],
  ])('finds %j exactly: %s', (ref, expected) => {
    expect(slug(ref)).toBe(expected);
  });

  it('reads a fragment of a name without regard to case or accents', () => {
    expect(slug('marin')).toBe('sofia-marin');
    expect(slug('SOFÍA')).toBe('sofia-marin');
    expect(slug('renewal')).toBe('acme-renewal');
  });

  it('means the person, not the conversation named after them', () => {
    expect(slug('jane')).toBe('jane-doe');
    expect(slug('jane', ['conversation'])).toBe('jane-doe-2026-11-20');
  });

  it('lists every record an ambiguous reference could mean, as a usage error', () => {
    const err = failure('acm');
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe(
      [
        '"acm" matches 2 records:',
        '  org          acme                         Acme Corp',
        '  deal         acme-renewal                 Acme renewal',
      ].join('\n'),
    );
    expect(err.hint).toBe('use the slug or the id to pick one');
    expect(slug('acme', ['org'])).toBe('acme');
  });

  it('suggests the nearest names for a reference that matches nothing', () => {
    const err = failure('jnae-doe');
    expect(err.message).toBe('no record matches "jnae-doe"');
    expect(err.hint).toBe('did you mean jane-doe?');
  });

  it('names the kind it looked for, and points at kith ls when nothing is near', () => {
    const err = failure('zzzzzzzzzz', ['org']);
    expect(err.message).toBe('no org matches "zzzzzzzzzz"');
    expect(err.hint).toBe('`kith ls` lists what there is');
  });
});

// the did-you-mean as it was before distances were bounded: every spelling of every record
function nearNamesByFullScan(d: RepoData, ref: string): string[] {
  const typed = fold(ref);
  const limit = Math.max(2, Math.floor(ref.length / 3));
  const spellings = (r: AnyRecord) => {
    const name = fold(displayName(r));
    return [r.slug, name, ...r.slug.split('-'), ...name.split(/\s+/)].filter((s) => s.length > 0);
  };
  const near = allRecords(d)
    .map((r) => ({ r, d: Math.min(...spellings(r).map((s) => typoDistance(typed, s))) }))
    .filter(({ d }) => d <= limit);
  const people = near.filter(({ r }) => r.kind !== 'conversation');
  const shown = people.length ? people : near;
  const best = Math.min(...shown.map(({ d }) => d));
  return shown
    .filter(({ d }) => d === best)
    .slice(0, 5)
    .map(({ r }) => r.slug);
}

describe('did you mean, on a repository of many names', () => {
  const names = [
    'Jane Doe',
    'Jan Smit',
    'Sofía Marín',
    'Zoë Müller',
    'Jean Dupont',
    'Ana Núñez',
    'Joan Dee',
    'Yara Wu',
  ];
  const many = repo({
    contacts: Array.from({ length: 300 }, (_, i) =>
      contact(`person-${i}`, { name: `${names[i % names.length]!}${i % 3 ? ` ${i}` : ''}` }),
    ),
    orgs: [org('acme', { name: 'Acme Corp' }), org('acne', { name: 'Acne Studios' })],
    conversations: Array.from({ length: 50 }, (_, i) =>
      conversation(`renewal-talks-${i}`, { subject: `Renewal talks ${i}` }),
    ),
  });
  const hint = (ref: string) => {
    try {
      resolveRef(many, ref);
    } catch (err) {
      return (err as UsageError).hint;
    }
    throw new Error(`"${ref}" resolved`);
  };
  const expected = (ref: string) => {
    const near = nearNamesByFullScan(many, ref);
    return near.length ? `did you mean ${near.join(', ')}?` : '`kith ls` lists what there is';
  };

  it.each([
    'persn-12', // a letter left out
    'peron-0',
    'acmf', // two orgs one typo away: both, in file order
    'SOFIA MARN', // case and accents aside
    'sofía marn',
    'zoe mueller',
    'müler',
    'jnae', // a swap is one typo; many ties: the first five
    'xq',
    'renewl-talk-7', // only a conversation is near
    'nosuchthing',
    'qqqqqqqqqqqqqqqqqqqqq',
  ])('suggests for %j what the full scan suggested', (ref) => {
    expect(hint(ref)).toBe(expected(ref));
  });

  it('suggests for random typos what the full scan suggested', () => {
    const rnd = random(2613);
    const slugs = allRecords(many).map((r) => r.slug);
    for (let n = 0; n < 150; n++) {
      const chars = [...rnd.pick(slugs)];
      for (let k = rnd.int(4); k > 0; k--) chars.splice(rnd.int(chars.length + 1), rnd.int(2), rnd.word(1));
      const ref = chars.join('');
      if (slugs.some((s) => s.includes(ref.toLowerCase()))) continue;
      expect(hint(ref), `${ref} (seed ${rnd.seed})`).toBe(expected(ref));
    }
  });
});
