// `openConversationKeys`: where the store keeps keys, the conversations that may be open with a
// record, found from their keys alone (each is then read whole to choose from).
import { describe, expect, it } from 'vitest';
import { openConversationKeys } from '../../../src/core/conversation/relations.js';
import { recordKeys } from '../../../src/core/model/records.js';
import type { RepoData } from '../../../src/core/model/types.js';
import { contact, conversation, deal, org, repo } from '../../helpers/records.js';

const data = repo({
  contacts: [contact('jane', { org: 'acme' }), contact('john', { org: 'other' })],
  orgs: [org('acme'), org('other')],
  deals: [deal('big', { org: 'acme' })],
  conversations: [
    conversation('2026/with-jane', { participants: ['jane'] }),
    conversation('2026/with-jane-closed', { participants: ['jane'], turn: 'closed' }),
    conversation('2026/about-big', { participants: ['john'], deal: 'big' }),
    conversation('2026/with-acme', { org: 'acme' }),
  ],
});
const keyed: RepoData = { ...data, keys: (kind) => recordKeys(data, [kind]) };
const slugs = (ref: string) => {
  const r = recordKeys(data).find((k) => k.slug === ref)!;
  const record = [...data.contacts, ...data.orgs, ...data.deals].find((x) => x.path === r.path)!;
  return openConversationKeys(keyed, record)?.map((k) => k.slug);
};

describe('the open conversations with a record, by their keys', () => {
  it('finds those with a contact, a deal, an org and its people; never a closed one', () => {
    expect(slugs('jane')).toEqual(['2026/with-jane']);
    expect(slugs('big')).toEqual(['2026/about-big']);
    expect(slugs('acme')).toEqual(['2026/with-jane', '2026/with-acme']);
    expect(slugs('other')).toEqual(['2026/about-big']);
  });

  it('leaves the choice to the records where no keys are kept', () => {
    expect(openConversationKeys(data, data.contacts[0]!)).toBeUndefined();
  });
});
