// The file writes an import plan makes: new contacts, new conversations, entries appended to
// existing ones (front matter edited in place). Pure over texts read through the Repo. A new
// file is never written where a file already is: one kith could not read is a teammate's
// data, not free space.
import { insertEntry } from '../core/conversation/index.js';
import type { ImportPlan } from '../core/mail/index.js';
import { KithError, quotePath } from '../core/model/index.js';
import { editRecordText, renderFile } from './front-matter-edit.js';
import type { Repo } from './repo.js';

function ensureFree(repo: Repo, path: string): void {
  if (!repo.exists(path)) return;
  const problem = repo.data.problems.find((p) => p.file === path && p.severity === 'error');
  const what = problem
    ? `cannot be read (line ${problem.line}: ${problem.message})`
    : 'is already there and is not the record this import meant';
  throw new KithError(
    `${quotePath(path)} ${what}, so the import stops rather than write over it; nothing was filed`,
    `fix the file (\`kith check\` shows what is wrong), then import again`,
  );
}

/** The files an import writes, and the ones it removes (a thread's file that moved, history kept by git's rename). */
export function importWrites(repo: Repo, plan: ImportPlan): { writes: Map<string, string>; removes: string[] } {
  const writes = new Map<string, string>();
  const removes: string[] = [];
  for (const c of plan.contacts) {
    ensureFree(repo, c.path);
    writes.set(c.path, renderFile(c.fields, ''));
  }
  for (const v of plan.conversations) {
    const append = (body: string) => v.entries.reduce((b, e) => insertEntry(b, e), body);
    if (!v.existing) {
      ensureFree(repo, v.path);
      writes.set(v.path, renderFile(v.fields!, append('')));
      continue;
    }
    const changes: Record<string, unknown> = {};
    if (v.turn) Object.assign(changes, { turn: v.turn, next: v.next });
    if (v.addParticipants.length) changes.participants = [...v.existing.participants, ...v.addParticipants];
    Object.assign(changes, v.renamed);
    if (v.movedFrom) ensureFree(repo, v.path);
    const from = v.movedFrom ?? v.path;
    writes.set(v.path, editRecordText(repo.readForEdit(from), from, changes, append));
    if (v.movedFrom) removes.push(v.movedFrom);
  }
  return { writes, removes };
}
