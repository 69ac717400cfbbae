// Builds in-memory records with sensible defaults, for core tests that need no disk.
import { DEFAULT_FOLLOWUP, DEFAULT_STAGES, type Contact, type Conversation, type Deal, type Entry, type Org, type RepoData, type TeamSettings } from '../../src/core/model/index.js';

const base = { data: {}, body: '', bodyLine: 1, fieldLines: {}, tags: [] as string[] };

export function contact(slug: string, fields: Partial<Contact> = {}): Contact {
  return { ...base, kind: 'contact', id: `c-${slug}`, slug, path: `contacts/${slug}.md`, name: slug, emails: [], phones: [], ...fields };
}

export function org(slug: string, fields: Partial<Org> = {}): Org {
  return { ...base, kind: 'org', id: `o-${slug}`, slug, path: `orgs/${slug}.md`, name: slug, domains: [], ...fields };
}

export function deal(slug: string, fields: Partial<Deal> = {}): Deal {
  return { ...base, kind: 'deal', id: `d-${slug}`, slug, path: `deals/${slug}.md`, title: slug, contacts: [], stage: 'lead', history: [], ...fields };
}

export function entry(at: string, author: string, type: Entry['type'] = 'mail', text = ''): Entry {
  return { id: `e-${at.replace(/\D/g, '').slice(0, 8)}`, at, type, author, meta: {}, text, line: 1 };
}

export function conversation(slug: string, fields: Partial<Conversation> = {}): Conversation {
  return { ...base, kind: 'conversation', id: `v-${slug}`, slug, path: `conversations/2026/${slug}.md`, subject: slug, participants: [], turn: 'us', promises: [], entries: [], ...fields };
}

export function settings(fields: Partial<TeamSettings> = {}): TeamSettings {
  return { name: 'Team', domains: ['ourco.example'], members: [{ handle: 'maya', name: 'Maya', emails: [] }], currency: 'EUR', rates: {}, stages: DEFAULT_STAGES, followup: DEFAULT_FOLLOWUP, ...fields };
}

export function repo(fields: Partial<RepoData> = {}): RepoData {
  return { settings: settings(), contacts: [], orgs: [], deals: [], conversations: [], problems: [], ...fields };
}
