// The file writes an import plan makes: new contacts, new conversations, entries appended to
// existing ones (front matter edited in place). Pure over texts read through the Repo.
import { insertEntry } from '../core/conversation/index.js';
import type { ImportPlan } from '../core/mail/index.js';
import { editRecordText, renderFile } from './front-matter-edit.js';
import type { Repo } from './repo.js';

export function importWrites(repo: Repo, plan: ImportPlan): Map<string, string> {
  const writes = new Map<string, string>();
  for (const c of plan.contacts) writes.set(c.path, renderFile(c.fields, ''));
  for (const v of plan.conversations) {
    const append = (body: string) => v.entries.reduce((b, e) => insertEntry(b, e), body);
    if (!v.existing) {
      writes.set(v.path, renderFile(v.fields!, append('')));
      continue;
    }
    const changes: Record<string, unknown> = {};
    if (v.turn) Object.assign(changes, { turn: v.turn, next: v.next });
    if (v.addParticipants.length) changes.participants = [...v.existing.participants, ...v.addParticipants];
    writes.set(v.path, editRecordText(repo.readForEdit(v.path), v.path, changes, append));
  }
  return writes;
}
