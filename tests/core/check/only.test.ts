// `checkRepo(data, only)`: what a writing command asks before and after its change. The problems
// of the files asked about, exactly those a whole check finds there, found against every record.
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/core/check/index.js';
import { allRecords, recordKeys } from '../../../src/core/model/records.js';
import type { Contact, Conversation, Deal, Org, RecordKind, RepoData } from '../../../src/core/model/types.js';
import { contact, conversation, deal, entry, org, repo, settings } from '../../helpers/records.js';

const data = repo({
  settings: settings({ members: [{ handle: 'maya', name: 'Maya', emails: [] }] as never }),
  contacts: [
    contact('jane', { id: 'c-1', emails: ['jane@acme.example'], org: 'nowhere', cadence: 'sometimes' }),
    contact('jane-2', { id: 'c-1', emails: ['jane@acme.example'], owner: 'bob' }),
    contact('john', { id: 'c-3', referred_by: 'ghost', data: { conflicts: [{ field: 'title', value: 'CTO' }] } }),
  ],
  orgs: [
    org('acme', { id: 'o-1', domains: ['acme.example'] }),
    org('acme-2', { id: 'o-2', domains: ['acme.example'] }),
  ],
  deals: [deal('big', { id: 'd-1', stage: 'nope', currency: 'XYZ', org: 'acme', contacts: ['jane', 'nobody'] })],
  conversations: [
    conversation('2026/talk', {
      id: 'v-1',
      participants: ['jane', 'ghost'],
      deal: 'small',
      entries: [entry('2026-11-02T10:00Z', 'stranger'), entry('2026-11-01T10:00Z', '@maya')],
    }),
  ],
  problems: [{ file: 'contacts/john.md', line: 3, col: 1, severity: 'error', message: 'broken while loading' }],
});

describe('a check of some files', () => {
  it('finds in each file exactly what the whole check finds there', () => {
    const whole = checkRepo(data);
    const files = [...new Set(whole.map((p) => p.file))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of [...files, 'contacts/none.md'])
      expect(checkRepo(data, new Set([file]))).toEqual(whole.filter((p) => p.file === file));
    expect(checkRepo(data, new Set(files))).toEqual(whole);
  });
});

describe('a check of some files where the store keeps keys apart', () => {
  it('finds the same with every record’s key and only the files asked about read whole', () => {
    const whole = checkRepo(data);
    const all = allRecords(data);
    for (const file of [...new Set(whole.map((p) => p.file))]) {
      const mine = (kind: RecordKind) => all.filter((r) => r.kind === kind && r.path === file);
      const keyed: RepoData = {
        settings: data.settings,
        problems: data.problems,
        keys: (kind) => recordKeys(data, [kind]),
        contacts: mine('contact') as Contact[],
        orgs: mine('org') as Org[],
        deals: mine('deal') as Deal[],
        conversations: mine('conversation') as Conversation[],
      };
      expect(checkRepo(keyed, new Set([file]))).toEqual(whole.filter((p) => p.file === file));
    }
  });
});
