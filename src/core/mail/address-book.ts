// Who an address is, as the import planner sees it: one of us (a member or our domain), a
// contact, someone at a known org, or nobody we know. Contacts planned during an import are
// added as they are made, so the next message from them finds them. Pure.
import { domainMatch, domainOf, normaliseDomain, normaliseEmail } from '../model/email.js';
import type { Contact, Org, RepoData } from '../model/types.js';
import type { Address } from './types.js';

/** A contact an import will create: its path and front matter. */
export interface PlannedContact {
  readonly path: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type KnownContact = Contact | PlannedContact;

export interface AddressBook {
  isOurs(a: Address): boolean;
  /** Our handle for one of our addresses: the member's, else the address's local part. */
  handleOf(a: Address): string;
  /** The member an address is, if any: never a made-up handle. */
  memberOf(a: Address): string | undefined;
  contactOf(a: Address): KnownContact | undefined;
  orgOf(a: Address): Org | undefined;
  add(a: Address, c: PlannedContact): void;
}

export function slugOfContact(c: KnownContact): string {
  return 'slug' in c ? c.slug : c.path.replace(/^contacts\/|\.md$/g, '');
}

/** The part of an address before the @, without a +tag. */
function localPart(address: string): string {
  return address.split('@')[0]!.replace(/\+.*$/, '');
}

/** A person's name from an address: its display name, else its local part in words (jane.doe -> Jane Doe). */
export function personName(a: Address): string {
  if (a.name && !a.name.includes('@')) return a.name;
  const local = localPart(a.address);
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || local;
}

export function buildAddressBook(data: RepoData): AddressBook {
  const { settings } = data;
  const ourDomains = new Set(settings.domains.map(normaliseDomain));
  const members = new Map(settings.members.flatMap((m) => m.emails.map((e) => [normaliseEmail(e), m.handle] as const)));
  const contacts = new Map<string, KnownContact>(
    data.contacts.flatMap((c) => c.emails.map((e) => [normaliseEmail(e), c] as const)),
  );
  const orgs = new Map<string, Org>(data.orgs.flatMap((o) => o.domains.map((d) => [normaliseDomain(d), o] as const)));
  return {
    isOurs: (a) => members.has(normaliseEmail(a.address)) || domainMatch(ourDomains, domainOf(a.address)) !== undefined,
    handleOf: (a) => members.get(normaliseEmail(a.address)) ?? localPart(a.address),
    memberOf: (a) => members.get(normaliseEmail(a.address)),
    contactOf: (a) => contacts.get(normaliseEmail(a.address)),
    orgOf(a) {
      const domain = domainMatch(orgs, domainOf(a.address));
      return domain === undefined ? undefined : orgs.get(domain);
    },
    add: (a, c) => void contacts.set(normaliseEmail(a.address), c),
  };
}
