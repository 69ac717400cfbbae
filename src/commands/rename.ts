// `kith rename REF NEW-NAME`: new name and slug (file name); every reference follows, one commit.
import { UsageError } from '../core/errors.js';
import { displayName, resolveRef } from '../core/resolve.js';
import { slugify } from '../core/text.js';
import { renameAuthor } from '../core/timeline.js';
import type { AnyRecord } from '../core/types.js';
import { editFile, parseFile } from '../store/front-matter.js';
import { freePath, recordPaths } from '../store/repo.js';
import { applyChange } from './change.js';
import { clean, openRepo, type Env } from './env.js';

export interface RenameOptions {
  readonly ref: string;
  readonly name: string;
}

const NAME_KEY = { contact: 'name', org: 'name', deal: 'title', conversation: 'subject' } as const;

/** The field changes that make `r` point at `to` instead of `from` (a slug of `kind`). */
function referenceChanges(r: AnyRecord, kind: AnyRecord['kind'], from: string, to: string): Record<string, unknown> {
  const swap = (list: readonly string[]) => list.map((s) => (s === from ? to : s));
  const c: Record<string, unknown> = {};
  if (kind === 'org' && 'org' in r && r.org === from) c.org = to;
  if (kind === 'deal' && r.kind === 'conversation' && r.deal === from) c.deal = to;
  if (kind === 'contact') {
    if ((r.kind === 'contact' || r.kind === 'deal') && r.referred_by === from) c.referred_by = to;
    if (r.kind === 'deal' && r.contacts.includes(from)) c.contacts = swap(r.contacts);
    if (r.kind === 'conversation') {
      if (r.participants.includes(from)) c.participants = swap(r.participants);
      if (r.promises.some((p) => p.who === from)) {
        c.promises = (r.data.promises as Record<string, unknown>[]).map((p) => (p.who === from ? { ...p, who: to } : p));
      }
    }
  }
  return c;
}

export async function run(opts: RenameOptions, env: Env) {
  const repo = openRepo(env);
  const target = resolveRef(repo.data, opts.ref);
  const name = opts.name.trim();
  if (!name) throw new UsageError('the new name is empty');
  const dir = target.path.slice(0, target.path.lastIndexOf('/'));
  const wanted = slugify(name);
  const taken = recordPaths(repo.data);
  taken.delete(target.path);
  const path = wanted === target.slug ? target.path : freePath(repo.root, taken, dir, wanted);
  const slug = path.replace(/^.*\//, '').replace(/\.md$/, '');
  const writes = new Map<string, string>();
  const own = repo.texts.get(target.path)!;
  writes.set(path, editFile(own, parseFile(own, target.path), { [NAME_KEY[target.kind]]: name }));
  if (slug !== target.slug) {
    for (const r of [...repo.data.contacts, ...repo.data.orgs, ...repo.data.deals, ...repo.data.conversations]) {
      const current = r === target ? writes.get(path)! : repo.texts.get(r.path)!;
      const changes = referenceChanges(r, target.kind, target.slug, slug);
      let text = Object.keys(changes).length ? editFile(current, parseFile(current, r.path), changes) : current;
      if (target.kind === 'contact' && r.kind === 'conversation') {
        const parsed = parseFile(text, r.path);
        text = text.slice(0, text.length - parsed.body.length) + renameAuthor(parsed.body, target.slug, slug);
      }
      if (text !== current || r === target) writes.set(r === target ? path : r.path, text);
    }
  }
  const removes = path !== target.path ? [target.path] : [];
  await applyChange(repo.root, {
    writes, removes, summary: `rename ${target.kind} ${displayName(target)} to ${name}`, action: 'rename', refs: [target.path, path],
  });
  const others = writes.size - 1;
  env.out.write(`renamed ${clean(displayName(target))} to ${clean(name)}${path !== target.path ? ` (${target.path} -> ${path})` : ''}${others ? `; ${others} file${others === 1 ? '' : 's'} updated to match` : ''}\n`);
  return { from: target.path, to: path, updated: [...writes.keys()] };
}

