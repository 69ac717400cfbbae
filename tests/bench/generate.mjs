// Deterministic data for the benchmark: a team repository of about N record files in the
// proportions of a team after years of use (10 contacts : 50 conversations : 5 deals : 1 org),
// with realistic front matter and timelines, and a mailbox of M messages. Same seed, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A small seeded generator (mulberry32): the same seed gives the same repository. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const FIRST = [
  'Amara',
  'Ben',
  'Claire',
  'Emil',
  'Felix',
  'George',
  'Hannah',
  'Jonas',
  'Lars',
  'Lucy',
  'Nadia',
  'Omar',
  'Priya',
  'Rita',
  'Sofia',
  'Tomás',
  'Zoë',
  'Ingrid',
  'Kenji',
  'Marta',
  'Noor',
  'Pablo',
  'Søren',
  'Yara',
];
const LAST = [
  'Diallo',
  'Okoro',
  'Dubois',
  'Strand',
  'Wu',
  'Kim',
  'Lee',
  'Weber',
  'Eriksen',
  'Fern',
  'Cole',
  'Haddad',
  'Raman',
  'Santos',
  'Marin',
  'Müller',
  'Novak',
  'Rossi',
  'Tanaka',
  'Garcia',
  'Björk',
  'Nowak',
  'Costa',
  'Ivanova',
];
const WORDS = [
  'pricing',
  'renewal',
  'rollout',
  'security review',
  'SSO',
  'pilot',
  'budget',
  'contract',
  'onboarding',
  'integration',
  'forecast',
  'alerts',
  'dashboards',
  'migration',
  'procurement',
  'invoice',
  'support',
  'training',
];
const TITLES = ['CTO', 'Head of Data', 'VP Engineering', 'Procurement Lead', 'Data Engineer', 'CFO', 'Analyst'];
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
const SETTINGS = `name: Bench Analytics
domains: [ourco.example]
members:
  - {handle: maya, name: Maya Lindqvist, emails: [maya@ourco.example]}
  - {handle: tom, name: Tom Okafor, emails: [tom@ourco.example]}
currency: EUR
rates: {USD: 0.92, GBP: 1.17}
followup:
  reply_days: 2
  nudge_days: 7
  stale_days: 30
  workdays: [mon, tue, wed, thu, fri]
  holidays: [2026-12-24, 2026-12-25]
`;

const pad = (n, w = 2) => String(n).padStart(w, '0');
const id = (prefix, n) => `${prefix}-${n.toString(36).padStart(12, '0')}`;

/** How many records of each kind a repository of about `files` record files holds. */
export function proportions(files) {
  const unit = files / 66;
  return {
    orgs: Math.max(1, Math.round(unit)),
    contacts: Math.max(1, Math.round(unit * 10)),
    deals: Math.max(1, Math.round(unit * 5)),
    conversations: Math.max(1, Math.round(unit * 50)),
  };
}

/** The files of a repository of about `files` record files, as [path, text] pairs in a fixed order. */
export function* repositoryFiles(files, seed = 13) {
  const r = random(seed);
  const n = proportions(files);
  yield ['kith.yaml', SETTINGS];
  const orgName = (i) => `${LAST[i % LAST.length]} ${['Freight', 'Bank', 'Health', 'Retail', 'Energy'][i % 5]} ${i}`;
  for (let i = 0; i < n.orgs; i++) {
    yield [
      `orgs/org-${i}.md`,
      `---\nid: ${id('o', i)}\nname: ${orgName(i)}\ndomains: [org${i}.example]\ntags: [${r.pick(['customer', 'prospect', 'partner'])}]\nowner: ${r.pick(['maya', 'tom'])}\ncreated: 202${r.int(5) + 2}-0${1 + r.int(9)}-1${r.int(9)}\n---\n${orgName(i)}, met at a trade fair.\n`,
    ];
  }
  const people = [];
  for (let i = 0; i < n.contacts; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const org = i % n.orgs;
    people.push({ slug: `person-${i}`, name: `${first} ${last}`, email: `p${i}@org${org}.example`, org });
    const referred = i > 10 && r.int(10) === 0 ? `\nreferred_by: person-${r.int(i)}` : '';
    yield [
      `contacts/person-${i}.md`,
      `---\nid: ${id('c', i)}\nname: ${first} ${last}\nemails: [p${i}@org${org}.example]\nphones: ["+44 20 7946 ${pad(i % 10000, 4)}"]\norg: org-${org}\ntitle: ${r.pick(TITLES)}\ntags: [${r.pick(['champion', 'buyer', 'user'])}]\nowner: ${r.pick(['maya', 'tom'])}${referred}\ncadence: ${r.pick(['30d', '90d', 'quarterly'])}\ncreated: 2025-0${1 + r.int(9)}-1${r.int(9)}\n---\nMet ${first} about ${r.pick(WORDS)}.\n`,
    ];
  }
  for (let i = 0; i < n.deals; i++) {
    const stage = r.pick(STAGES);
    const lost = stage === 'lost' ? '\nlost_reason: budget' : '';
    yield [
      `deals/deal-${i}.md`,
      `---\nid: ${id('d', i)}\ntitle: ${orgName(i % n.orgs)} ${r.pick(WORDS)}\norg: org-${i % n.orgs}\ncontacts: [person-${i % n.contacts}]\nstage: ${stage}\nhistory:\n  - {stage: lead, at: 2026-0${1 + r.int(5)}-0${1 + r.int(9)}}\n  - {stage: ${stage}, at: 2026-0${6 + r.int(4)}-1${r.int(9)}}\namount: ${1000 * (5 + r.int(95))}\ncurrency: ${r.pick(['EUR', 'EUR', 'USD', 'GBP'])}\nclose: 2027-0${1 + r.int(9)}-1${r.int(9)}\nowner: ${r.pick(['maya', 'tom'])}${lost}\ncreated: 2026-01-0${1 + r.int(9)}\n---\n${r.pick(WORDS)} for ${r.pick(WORDS)}.\n`,
    ];
  }
  for (let i = 0; i < n.conversations; i++) {
    const who = people[r.int(people.length)];
    const year = 2022 + Math.floor((i * 5) / n.conversations);
    const month = 1 + r.int(11);
    const topic = `${r.pick(WORDS)} ${i}`;
    const turn = year < 2026 ? 'closed' : r.pick(['us', 'them', 'them']);
    const entries = [];
    const count = 1 + r.int(5);
    for (let k = 0; k < count; k++) {
      const at = `${year}-${pad(month)}-${pad(1 + k * 5 + r.int(4))} ${pad(9 + r.int(8))}:${pad(r.int(60))} +01:00`;
      const eid = `e-${(i * 8 + k).toString(36).padStart(8, '0')}`;
      if (r.int(3) === 0) {
        entries.push(
          `## ${at} · ${r.pick(['call', 'meeting', 'note'])} · @${r.pick(['maya', 'tom'])} {#${eid}}\n\nTalked about ${r.pick(WORDS)} and ${r.pick(WORDS)}; ${who.name} wants a follow-up.`,
        );
      } else if (k % 2 === 0) {
        entries.push(
          `## ${at} · mail · ${who.slug} {#${eid}}\nfrom: ${who.name} <${who.email}>\nto: Maya Lindqvist <maya@ourco.example>\nsubject: Re: ${topic}\nmessage-id: <m${i}.${k}@org${who.org}.example>\n\nHello Maya, thanks for the notes on ${r.pick(WORDS)}. Could you send the ${r.pick(WORDS)} figures\nbefore our next call? We are comparing two offers this month.`,
        );
      } else {
        entries.push(
          `## ${at} · mail · @maya {#${eid}}\nfrom: Maya Lindqvist <maya@ourco.example>\nto: ${who.name} <${who.email}>\nsubject: Re: ${topic}\nmessage-id: <m${i}.${k}@ourco.example>\n\nHi ${who.name.split(' ')[0]}, here are the ${r.pick(WORDS)} figures. Happy to walk through them.`,
        );
      }
    }
    const next = turn === 'closed' ? '' : `\nnext: 2026-${pad(11 + r.int(2))}-${pad(1 + r.int(28))}`;
    const closed = turn === 'closed' ? '\nclosed_reason: done' : '';
    const promise =
      r.int(8) === 0
        ? `\npromises:\n  - id: p-${i.toString(36).padStart(8, '0')}\n    from: us\n    who: "@maya"\n    what: send the ${r.pick(WORDS)} figures\n    due: ${year}-${pad(month)}-2${r.int(8)}\n    state: ${turn === 'closed' ? 'kept' : 'open'}\n    made: ${year}-${pad(month)}-0${1 + r.int(9)}`
        : '';
    const deal = r.int(4) === 0 ? `\ndeal: deal-${r.int(n.deals)}` : '';
    yield [
      `conversations/${year}/conv-${i}.md`,
      `---\nid: ${id('v', i)}\nsubject: ${topic}\nparticipants: [${who.slug}]\norg: org-${who.org}${deal}\nowner: ${r.pick(['maya', 'tom'])}\nturn: ${turn}${next}${closed}${promise}\ncreated: ${year}-${pad(month)}-01\n---\n\n${entries.join('\n\n')}\n`,
    ];
  }
}

/** Writes a repository of about `files` record files under `root`. */
export function writeRepository(root, files, seed = 13) {
  for (const [path, text] of repositoryFiles(files, seed)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

// the mailbox writes from this many orgs' domains (org0.example ... org49.example)
const MAIL_ORGS = 50;

/**
 * A team's repository on its first day, for an import into a fresh repository: its settings and
 * the orgs the mailbox writes from (mail from an unknown domain is not filed), nothing else.
 */
export function writeFreshRepository(root) {
  for (const [path, text] of repositoryFiles(MAIL_ORGS * 66))
    if (path === 'kith.yaml' || path.startsWith('orgs/')) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
}

/** A mailbox of `count` messages (mbox text) to the repository's people, in threads of a few messages. */
export function mailbox(count, seed = 7) {
  const r = random(seed);
  const threads = Math.max(1, Math.floor(count / 4));
  const parts = [];
  for (let i = 0; i < count; i++) {
    const t = i % threads;
    const reply = i >= threads;
    const fromUs = r.int(3) === 0;
    const them = `${FIRST[t % FIRST.length]} ${LAST[t % LAST.length]} <mail${t}@org${t % MAIL_ORGS}.example>`;
    const us = 'Maya Lindqvist <maya@ourco.example>';
    const head = [
      `From: ${fromUs ? us : them}`,
      `To: ${fromUs ? them : us}`,
      `Subject: ${reply ? 'Re: ' : ''}${WORDS[t % WORDS.length]} ${t}`,
      `Date: Tue, ${1 + (i % 27)} Oct 2026 ${pad(8 + (i % 10))}:${pad(i % 60)}:00 +0200`,
      `Message-ID: <m${i}@bench.example>`,
      ...(reply ? [`References: <m${t}@bench.example>`, `In-Reply-To: <m${i - threads}@bench.example>`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
    ];
    const body = `Hello,\n\nthis is message ${i} about ${WORDS[t % WORDS.length]}. We looked at the numbers and\nthink the proposal works for us.\n\nBest\n\nOn Mon, 5 Oct 2026 at 10:00, Maya wrote:\n> earlier text\n`;
    parts.push(`From bench Tue Oct 20 10:00:00 2026\n${head.join('\n')}\n\n${body}\n`);
  }
  return parts.join('');
}
