// E-mail addresses and domains as Kith matches them. Pure.

/** Plus-addressing and case are not part of who someone is: Jane+crm@Acme -> jane@acme. */
export function normaliseEmail(address: string): string {
  const [local = '', domain = ''] = address.trim().toLowerCase().split('@');
  return `${local.replace(/\+.*$/, '')}@${domain}`;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** A domain as written in a record or flag: lower case, without a leading "@". */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

/**
 * The listed domain an address domain belongs to: itself, or its nearest listed parent
 * (eu.acme.example -> acme.example). Asks the list once for each of the domain's labels.
 */
export function domainMatch(domains: { has(domain: string): boolean }, domain: string): string | undefined {
  for (let d = domain; ; d = d.slice(d.indexOf('.') + 1)) {
    if (domains.has(d)) return d;
    if (!d.includes('.')) return undefined;
  }
}
