// References that point at nothing: an org, contact or deal slug no file has, an owner who is
// not a member, an entry author who is neither a teammate nor a contact.
import { recordKeys } from '../model/records.js';
import type { AnyRecord, Problem, RecordKind } from '../model/types.js';
import { problemAt, reported, type Check } from './check.js';

export const references: Check = (data, only) => {
  const slugsOf = (kind: RecordKind) => new Set(recordKeys(data, [kind]).map((r) => r.slug));
  const slugs = { contact: slugsOf('contact'), org: slugsOf('org'), deal: slugsOf('deal') };
  const handles = new Set(data.settings.members.map((m) => m.handle));
  const out: Problem[] = [];
  const ref = (r: AnyRecord, key: string, kind: keyof typeof slugs, value: string | undefined) => {
    if (value !== undefined && !slugs[kind].has(value)) {
      out.push(
        problemAt(
          r,
          key,
          `${key} refers to ${kind} "${value}", which does not exist`,
          `\`kith ls ${kind}s\` lists them; \`kith rename\` keeps references valid`,
        ),
      );
    }
  };
  for (const r of reported([...data.contacts, ...data.orgs, ...data.deals, ...data.conversations], only)) {
    if (r.owner !== undefined && handles.size && !handles.has(r.owner.replace(/^@/, ''))) {
      out.push(
        problemAt(r, 'owner', `owner "${r.owner}" is not a member in kith.yaml`, `one of ${[...handles].join(', ')}`),
      );
    }
    switch (r.kind) {
      case 'contact':
        ref(r, 'org', 'org', r.org);
        ref(r, 'referred_by', 'contact', r.referred_by);
        break;
      case 'deal':
        ref(r, 'org', 'org', r.org);
        r.contacts.forEach((c) => ref(r, 'contacts', 'contact', c));
        ref(r, 'referred_by', 'contact', r.referred_by);
        break;
      case 'conversation':
        ref(r, 'org', 'org', r.org);
        ref(r, 'deal', 'deal', r.deal);
        r.participants.forEach((p) => ref(r, 'participants', 'contact', p));
        for (const e of r.entries) {
          if (!e.author.startsWith('@') && !slugs.contact.has(e.author)) {
            out.push({
              file: r.path,
              line: e.line,
              col: 1,
              severity: 'error',
              message: `entry author "${e.author}" is not a contact`,
              hint: 'write @handle for a teammate or a contact slug',
            });
          }
        }
        break;
      case 'org':
        break;
    }
  }
  return out;
};
