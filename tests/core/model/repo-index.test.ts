import { describe, expect, it } from 'vitest';
import { groupBy, indexRepo } from '../../../src/core/model/index.js';
import { contact, conversation, deal, org, repo } from '../../helpers/records.js';

const data = repo({
  contacts: [
    contact('jane', { org: 'acme', emails: ['Jane@Acme.example'] }),
    contact('jan', { org: 'globex' }),
    contact('solo'),
  ],
  orgs: [org('acme'), org('globex')],
  deals: [deal('acme-sso', { org: 'acme' }), deal('orgless'), deal('acme-old', { org: 'acme', stage: 'won' })],
  conversations: [
    conversation('a', { participants: ['jane', 'jane'], org: 'acme' }),
    conversation('b', { participants: ['jan', 'jane'], deal: 'acme-sso' }),
    conversation('c', { participants: ['solo'] }),
  ],
});
const slugs = (list: readonly { slug: string }[] | undefined) => list?.map((r) => r.slug);

describe('the repository index', () => {
  it('lists each record once under each key, in file order', () => {
    const index = indexRepo(data);
    expect(slugs(index.byParticipant.get('jane'))).toEqual(['a', 'b']);
    expect(slugs(index.byOrg.get('acme'))).toEqual(['a', 'b']); // its own, and through its people
    expect(slugs(index.byOrg.get('globex'))).toEqual(['b']);
    expect(slugs(index.byDeal.get('acme-sso'))).toEqual(['b']);
    expect(slugs(index.dealsByOrg.get('acme'))).toEqual(['acme-sso', 'acme-old']);
    expect(index.dealsByOrg.has('')).toBe(false);
    expect(slugs(index.contactsByOrg.get('acme'))).toEqual(['jane']);
    expect(index.contactsByEmail.get('jane@acme.example')?.slug).toBe('jane');
    expect(index.byPath.get('deals/orgless.md')?.slug).toBe('orgless');
  });

  it('is built once per repository and gives the same lists every time', () => {
    const index = indexRepo(data);
    expect(indexRepo(data)).toBe(index);
    expect(index.byOrg).toBe(index.byOrg);
  });

  it('groups items under every key they name, once, skipping empty keys', () => {
    const map = groupBy(['x', 'y', 'z'], (s) => (s === 'x' ? ['k', 'k', 'm'] : s === 'y' ? [undefined] : ['']));
    expect([...map]).toEqual([
      ['k', ['x']],
      ['m', ['x']],
    ]);
  });
});
