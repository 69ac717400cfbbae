import { describe, expect, it } from 'vitest';
import { resolveRef, UsageError } from '../../../src/core/model/index.js';
import { contact, conversation, deal, org, repo } from '../../helpers/records.js';

const data = repo({
  contacts: [
    contact('jane-doe', { name: 'Jane Doe', emails: ['jane@acme.example'], org: 'acme' }),
    contact('jan-smit', { name: 'Jan Smit', emails: ['jan@globex.example'] }),
    contact('sofia-marin', { name: 'Sofía Marín', emails: ['sofia@brightwave.example'] }),
  ],
  orgs: [org('acme', { name: 'Acme Corp', domains: ['acme.example'] }), org('globex', { name: 'Globex', domains: ['globex.example'] })],
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
