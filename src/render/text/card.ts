// `kith show` for a terminal: a contact, org or deal card with its deals and conversations,
// or a conversation with its promises and timeline.
import {
  conversationsOf,
  dealsOf,
  isOurs,
  openPromisesWith,
  referralsOf,
  sortedEntries,
} from '../../core/conversation/index.js';
import {
  displayName,
  indexRepo,
  quotePath,
  type AnyRecord,
  type Contact,
  type Conversation,
  type RepoData,
} from '../../core/model/index.js';
import { formatAmount } from '../format.js';
import type { Output } from './output.js';
import { clean, paint } from './paint.js';

function field(out: Output, label: string, value: string | undefined): string {
  return value ? `  ${paint(out, 'dim', label.padEnd(12))}${clean(value)}\n` : '';
}

function nameOf(data: RepoData, author: string): string {
  if (isOurs(author)) return author;
  return indexRepo(data).contacts.get(author)?.name ?? author;
}

const TURN_TEXT = { us: 'our turn', them: 'their turn', closed: 'closed' } as const;

function conversationLine(out: Output, data: RepoData, v: Conversation): string {
  const last = sortedEntries(v.entries).at(-1);
  const turn =
    v.turn === 'us' ? paint(out, 'yellow', 'our turn') : v.turn === 'them' ? 'their turn' : paint(out, 'dim', 'closed');
  const next = v.next && v.turn !== 'closed' ? ` by ${v.next}` : '';
  const said = last ? `${clean(nameOf(data, last.author))}: ${clean(last.text.split('\n')[0]).slice(0, 70)}` : '';
  const lastText = last ? `\n      last: ${last.at.slice(0, 10)} ${last.type} ${said}` : '';
  return `  - ${clean(v.subject)} (${turn}${next})  ${paint(out, 'dim', quotePath(v.path))}${lastText}\n`;
}

function conversationBody(
  out: Output,
  data: RepoData,
  r: Conversation,
  section: (name: string, lines: string[]) => void,
) {
  const mark = { open: ' ', kept: 'x', broken: '!', dropped: '-' } as const;
  section(
    'Promises',
    r.promises.map((p) => {
      const closed = p.state !== 'open' ? ` (${p.state}${p.closed ? ` ${p.closed}` : ''})` : '';
      const who = p.from === 'us' ? 'we' : 'they';
      const id = paint(out, 'dim', p.id);
      return `  - [${mark[p.state]}] ${who} promised: ${clean(p.what)} by ${p.due}${closed}  ${id}\n`;
    }),
  );
  section(
    'Timeline',
    sortedEntries(r.entries).map((e) => {
      const who = clean(nameOf(data, e.author));
      const body = clean(e.text, true)
        .split('\n')
        .map((l) => `    ${clean(l)}`)
        .join('\n');
      const subject = e.meta.subject ? `    ${paint(out, 'dim', `subject: ${clean(e.meta.subject)}`)}\n` : '';
      const head = `  ${paint(out, 'cyan', e.at.replace('T', ' '))}  ${e.type}  ${who}  ${paint(out, 'dim', e.id)}`;
      return `${head}\n${subject}${body.trim() ? `${body}\n` : ''}`;
    }),
  );
}

function fields(out: Output, data: RepoData, r: AnyRecord): string {
  const f = (label: string, value: string | undefined) => field(out, label, value);
  const tags = r.tags.length ? r.tags.map((t) => `#${t}`).join(' ') : undefined;
  const owner = f('owner', r.owner && `@${r.owner}`);
  switch (r.kind) {
    case 'contact': {
      const org = r.org === undefined ? undefined : indexRepo(data).orgs.get(r.org);
      return (
        f('title', r.title) +
        f('org', org ? `${org.name} (${org.slug})` : r.org) +
        f('email', r.emails.join(', ')) +
        f('phone', r.phones.join(', ')) +
        owner +
        f('tags', tags) +
        f('cadence', r.cadence) +
        f('referred by', r.referred_by)
      );
    }
    case 'org':
      return f('domains', r.domains.join(', ')) + owner + f('tags', tags);
    case 'deal': {
      const amount = r.amount === undefined ? undefined : formatAmount(r.amount, r.currency);
      return (
        f('org', r.org) +
        f('stage', r.stage) +
        f('amount', amount) +
        f('close', r.close) +
        owner +
        f('contacts', r.contacts.join(', ')) +
        f('source', r.source) +
        f('referred by', r.referred_by) +
        f('lost reason', r.lost_reason) +
        f('tags', tags)
      );
    }
    case 'conversation': {
      const turn = `${TURN_TEXT[r.turn]}${r.next && r.turn !== 'closed' ? `, next by ${r.next}` : ''}`;
      return (
        f('with', r.participants.map((p) => nameOf(data, p)).join(', ')) +
        f('org', r.org) +
        f('deal', r.deal) +
        f('turn', turn) +
        owner
      );
    }
  }
}

/** A contact's open promises both ways, and whom they referred. */
function contactSections(out: Output, data: RepoData, c: Contact, section: (title: string, lines: string[]) => void) {
  section(
    'Open promises',
    openPromisesWith(data, c).map(({ promise: p }) => {
      const side = p.from === 'us' ? 'we promised' : 'they promised';
      return `  - ${p.due}  ${side}: ${clean(p.what)}  ${paint(out, 'dim', p.id)}\n`;
    }),
  );
  const referred = referralsOf(data, c);
  section('Referred', [
    ...referred.contacts.map((x) => `  - ${clean(x.name)}  ${paint(out, 'dim', x.slug)}\n`),
    ...referred.deals.map((d) => `  - ${clean(d.title)}: ${d.stage}  ${paint(out, 'dim', d.slug)}\n`),
  ]);
}

export function renderCard(out: Output, data: RepoData, r: AnyRecord): string {
  const title = `${paint(out, 'bold', clean(displayName(r)))}  ${paint(out, 'dim', `${r.kind} ${r.slug}`)}`;
  let text = `${title}\n${fields(out, data, r)}`;
  const section = (title: string, lines: string[]) => {
    if (lines.length) text += `\n${paint(out, 'bold', title)}\n${lines.join('')}`;
  };
  if (r.kind === 'org') {
    section(
      'People',
      (indexRepo(data).contactsByOrg.get(r.slug) ?? []).map(
        (c) => `  - ${clean(c.name)}${c.title ? `, ${clean(c.title)}` : ''}  ${paint(out, 'dim', c.slug)}\n`,
      ),
    );
  }
  if (r.kind === 'deal')
    section(
      'Stage history',
      r.history.map((h) => `  ${h.at}  ${clean(h.stage)}\n`),
    );
  if (r.kind === 'conversation') conversationBody(out, data, r, section);
  else {
    section(
      'Deals',
      dealsOf(data, r).map((d) => {
        const amount = d.amount !== undefined ? `, ${formatAmount(d.amount, d.currency)}` : '';
        return `  - ${clean(d.title)}: ${d.stage}${amount}  ${paint(out, 'dim', d.slug)}\n`;
      }),
    );
    section(
      'Conversations',
      conversationsOf(data, r).map((v) => conversationLine(out, data, v)),
    );
    if (r.kind === 'contact') contactSections(out, data, r, section);
  }
  const notes = (r.kind === 'conversation' ? '' : r.body).trim();
  if (notes)
    text += `\n${paint(out, 'bold', 'Notes')}\n${clean(notes, true)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n`;
  return text;
}
