// `kith show REF`: a card for a contact, org or deal, or a conversation's timeline.
import { resolveRef } from '../core/resolve.js';
import { isOurs, sortedEntries } from '../core/timeline.js';
import type { AnyRecord, Conversation, RepoData } from '../core/types.js';
import { conversationJson, conversationsOf, dealJson, dealsOf, recordJson } from '../core/views.js';
import { clean, openRepo, paint, printJson, type Env, type Output } from './env.js';

export interface ShowOptions {
  readonly ref: string;
  readonly json?: boolean;
}

function summaryOf(v: Conversation) {
  const { entries: _entries, ...rest } = conversationJson(v);
  return rest;
}

export function showJson(data: RepoData, r: AnyRecord) {
  const base = recordJson(r);
  if (r.kind === 'conversation') return base;
  const related: Record<string, unknown> = {
    deals: dealsOf(data, r).map(dealJson),
    conversations: conversationsOf(data, r).map(summaryOf),
  };
  if (r.kind === 'org') related.people = data.contacts.filter((c) => c.org === r.slug).map((c) => recordJson(c));
  return { ...base, ...related };
}

export async function run(opts: ShowOptions, env: Env) {
  const { data } = openRepo(env);
  const r = resolveRef(data, opts.ref);
  if (opts.json) {
    const out = showJson(data, r);
    printJson(env.out, out);
    return out;
  }
  env.out.write(renderCard(env.out, data, r));
  return r;
}

function field(out: Output, label: string, value: string | undefined): string {
  return value ? `  ${paint(out, 'dim', label.padEnd(12))}${clean(value)}\n` : '';
}

function nameOf(data: RepoData, author: string): string {
  if (isOurs(author)) return author;
  return data.contacts.find((c) => c.slug === author)?.name ?? author;
}

function conversationLine(out: Output, data: RepoData, v: Conversation): string {
  const last = sortedEntries(v.entries).at(-1);
  const turn = v.turn === 'us' ? paint(out, 'yellow', 'our turn') : v.turn === 'them' ? 'their turn' : paint(out, 'dim', 'closed');
  const next = v.next && v.turn !== 'closed' ? ` by ${v.next}` : '';
  const lastText = last ? `\n      last: ${last.at.slice(0, 10)} ${last.type} ${clean(nameOf(data, last.author))}: ${clean(last.text.split('\n')[0]).slice(0, 70)}` : '';
  return `  - ${clean(v.subject)} (${turn}${next})  ${paint(out, 'dim', v.path)}${lastText}\n`;
}

function renderCard(out: Output, data: RepoData, r: AnyRecord): string {
  const title = (text: string, kind: string) => `${paint(out, 'bold', clean(text))}  ${paint(out, 'dim', `${kind} ${r.slug}`)}\n`;
  const tags = r.tags.length ? r.tags.map((t) => `#${t}`).join(' ') : undefined;
  let text = '';
  const section = (name: string, lines: string[]) => { if (lines.length) text += `\n${paint(out, 'bold', name)}\n${lines.join('')}`; };
  switch (r.kind) {
    case 'contact': {
      const org = data.orgs.find((o) => o.slug === r.org);
      text += title(r.name, 'contact');
      text += field(out, 'title', r.title) + field(out, 'org', org ? `${org.name} (${org.slug})` : r.org) + field(out, 'email', r.emails.join(', '))
        + field(out, 'phone', r.phones.join(', ')) + field(out, 'owner', r.owner && `@${r.owner}`) + field(out, 'tags', tags)
        + field(out, 'cadence', r.cadence) + field(out, 'referred by', r.referred_by);
      break;
    }
    case 'org':
      text += title(r.name, 'org');
      text += field(out, 'domains', r.domains.join(', ')) + field(out, 'owner', r.owner && `@${r.owner}`) + field(out, 'tags', tags);
      section('People', data.contacts.filter((c) => c.org === r.slug).map((c) => `  - ${clean(c.name)}${c.title ? `, ${clean(c.title)}` : ''}  ${paint(out, 'dim', c.slug)}\n`));
      break;
    case 'deal': {
      text += title(r.title, 'deal');
      const amount = r.amount === undefined ? undefined : `${r.amount.toLocaleString('en-US')} ${r.currency ?? ''}`;
      text += field(out, 'org', r.org) + field(out, 'stage', r.stage) + field(out, 'amount', amount) + field(out, 'close', r.close)
        + field(out, 'owner', r.owner && `@${r.owner}`) + field(out, 'contacts', r.contacts.join(', ')) + field(out, 'source', r.source)
        + field(out, 'referred by', r.referred_by) + field(out, 'lost reason', r.lost_reason) + field(out, 'tags', tags);
      section('Stage history', r.history.map((h) => `  ${h.at}  ${clean(h.stage)}\n`));
      break;
    }
    case 'conversation': {
      text += title(r.subject, 'conversation');
      const turn = r.turn === 'us' ? 'our turn' : r.turn === 'them' ? 'their turn' : 'closed';
      text += field(out, 'with', r.participants.map((p) => nameOf(data, p)).join(', ')) + field(out, 'org', r.org) + field(out, 'deal', r.deal)
        + field(out, 'turn', `${turn}${r.next && r.turn !== 'closed' ? `, next by ${r.next}` : ''}`) + field(out, 'owner', r.owner && `@${r.owner}`);
      section('Promises', r.promises.map((p) => `  - [${p.state === 'open' ? ' ' : p.state === 'kept' ? 'x' : '!'}] ${p.from === 'us' ? 'we' : 'they'} promised: ${clean(p.what)} by ${p.due}${p.state !== 'open' ? ` (${p.state}${p.closed ? ` ${p.closed}` : ''})` : ''}  ${paint(out, 'dim', p.id)}\n`));
      section('Timeline', sortedEntries(r.entries).map((e) => {
        const who = clean(nameOf(data, e.author));
        const body = clean(e.text, true).split('\n').map((l) => `    ${clean(l)}`).join('\n');
        const subject = e.meta.subject ? `    ${paint(out, 'dim', `subject: ${clean(e.meta.subject)}`)}\n` : '';
        return `  ${paint(out, 'cyan', e.at.replace('T', ' '))}  ${e.type}  ${who}  ${paint(out, 'dim', e.id)}\n${subject}${body.trim() ? `${body}\n` : ''}`;
      }));
      break;
    }
  }
  if (r.kind !== 'conversation') {
    section('Deals', dealsOf(data, r).map((d) => `  - ${clean(d.title)}: ${d.stage}${d.amount !== undefined ? `, ${d.amount.toLocaleString('en-US')} ${d.currency ?? ''}` : ''}  ${paint(out, 'dim', d.slug)}\n`));
    section('Conversations', conversationsOf(data, r).map((v) => conversationLine(out, data, v)));
  }
  const notes = (r.kind === 'conversation' ? '' : r.body).trim();
  if (notes) text += `\n${paint(out, 'bold', 'Notes')}\n${clean(notes, true).split('\n').map((l) => `  ${l}`).join('\n')}\n`;
  return text;
}
