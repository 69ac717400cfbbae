// The JSON shapes scripts read: stable keys in a fixed order, null for what is not set.
import { describe, expect, it } from 'vitest';
import { recordJson } from '../../../src/render/json/records.js';
import { showJson } from '../../../src/render/json/show.js';
import { contact, conversation, deal, entry, org, repo } from '../../helpers/records.js';

const jane = contact('jane-doe', { name: 'Jane Doe', emails: ['jane@acme.example'], org: 'acme', tags: ['vip'] });

describe('records as JSON', () => {
  it('gives a contact every documented key, in order, with null for what is missing', () => {
    const json = recordJson(jane);
    expect(Object.keys(json)).toEqual([
      'kind', 'id', 'slug', 'path', 'tags', 'owner', 'created', 'name', 'emails', 'phones', 'org', 'title', 'cadence',
      'referred_by',
    ]);
    expect(json).toMatchObject({ kind: 'contact', owner: null, created: null, title: null, emails: ['jane@acme.example'] });
  });

  it('gives a deal its stage history and money fields', () => {
    const d = deal('acme-sso', { org: 'acme', amount: 48000, currency: 'EUR', history: [{ stage: 'lead', at: '2026-11-01' }] });
    expect(recordJson(d)).toMatchObject({
      kind: 'deal', org: 'acme', stage: 'lead', amount: 48000, currency: 'EUR', probability: null, close: null,
      history: [{ stage: 'lead', at: '2026-11-01' }], lost_reason: null,
    });
  });

  it('gives a conversation its entries in date order and its last entry; listings leave the entries out', () => {
    const v = conversation('sso', {
      participants: ['jane-doe'],
      entries: [
        { ...entry('2026-11-20T10:00+01:00', '@maya', 'call', 'later'), id: 'e-later000', line: 8 },
        { ...entry('2026-11-19T10:00+01:00', 'jane-doe', 'mail', 'earlier'), id: 'e-early000', line: 12 },
      ],
    });
    const json = recordJson(v) as { entries: { id: string }[]; last_entry: unknown };
    expect(json.entries.map((e) => e.id)).toEqual(['e-early000', 'e-later000']);
    expect(json.last_entry).toEqual({ at: '2026-11-20T10:00+01:00', type: 'call', author: '@maya' });
    expect(recordJson(v, false)).not.toHaveProperty('entries');
  });

  it('shows an org with its people, deals and conversations, newest activity first', () => {
    const data = repo({
      contacts: [jane, contact('john', { org: 'acme' }), contact('other', { org: 'globex' })],
      orgs: [org('acme', { name: 'Acme' })],
      deals: [deal('acme-sso', { org: 'acme' })],
      conversations: [
        conversation('old', { participants: ['jane-doe'], entries: [entry('2026-10-01T10:00+01:00', 'jane-doe')] }),
        conversation('new', { org: 'acme', entries: [entry('2026-11-01T10:00+01:00', '@maya')] }),
      ],
    });
    const json = showJson(data, data.orgs[0]!) as Record<string, { slug: string }[]>;
    expect(json.people!.map((p) => p.slug)).toEqual(['jane-doe', 'john']);
    expect(json.deals!.map((d) => d.slug)).toEqual(['acme-sso']);
    expect(json.conversations!.map((v) => v.slug)).toEqual(['new', 'old']);
    expect(json.conversations![0]).not.toHaveProperty('entries');
  });
});
