// Which listed domain an address's domain belongs to: itself or its nearest listed parent.
import { describe, expect, it } from 'vitest';
import { domainMatch } from '../../../src/core/model/email.js';

// the rule as first written: every listed domain it ends with, the longest
const byScan = (domains: readonly string[], domain: string) =>
  domains.filter((d) => domain === d || domain.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];

describe('domainMatch', () => {
  const listed = new Set(['acme.example', 'eu.acme.example', 'example', 'globex.test']);

  it.each([
    ['acme.example', 'acme.example'],
    ['eu.acme.example', 'eu.acme.example'],
    ['mail.eu.acme.example', 'eu.acme.example'],
    ['us.acme.example', 'acme.example'],
    ['initech.example', 'example'],
    ['notacme.test', undefined],
    ['xglobex.test', undefined],
    ['', undefined],
  ])('%j belongs to %j', (domain, want) => {
    expect(domainMatch(listed, domain)).toBe(want);
  });

  it('answers as a scan of every listed domain does, over random names', () => {
    const labels = ['a', 'b', 'acme', 'example', '', 'eu'];
    let seed = 7;
    const pick = () => labels[(seed = (seed * 48271) % 2147483647) % labels.length]!;
    const name = () => Array.from({ length: 1 + (seed % 4) }, pick).join('.');
    for (let i = 0; i < 3000; i++) {
      const domains = Array.from({ length: 1 + (i % 6) }, name);
      const domain = name();
      expect(domainMatch(new Set(domains), domain), `${domain} in ${domains.join(' ')}`).toBe(byScan(domains, domain));
    }
  });
});
