// A slug change made on one side, replayed on files the merge takes from the other side, so
// their references follow it: a rename (`jane-doe` became `jane-smith`), or a record moved to
// a free name because both sides added one at the same path. Pure over text.
import { renameAuthor } from '../../core/conversation/index.js';
import { referenceChanges } from '../../core/model/index.js';
import { editRecordText } from '../front-matter-edit.js';
import { kindOfPath, slugOfPath } from '../layout.js';
import { readRecord } from '../records.js';

export interface SlugChange {
  /** The record's old and new paths. */
  readonly from: string;
  readonly to: string;
}

const unique = (v: unknown) => (Array.isArray(v) ? [...new Set(v)] : v);

/** `text` (at `path`) with every reference to the old slug pointing at the new one; undefined if none did. */
export function replaySlugChange(path: string, text: string, change: SlugChange): string | undefined {
  const kind = kindOfPath(change.from);
  const [from, to] = [slugOfPath(change.from), slugOfPath(change.to)];
  if (!kind || kind === 'conversation' || from === to || path === change.to) return undefined;
  const { record } = readRecord(path, text);
  if (!record) return undefined;
  const changes = Object.fromEntries(
    Object.entries(referenceChanges(record, kind, from, to)).map(([k, v]) => [k, unique(v)]),
  );
  const authors = kind === 'contact' && record.kind === 'conversation' && record.entries.some((e) => e.author === from);
  if (!Object.keys(changes).length && !authors) return undefined;
  return editRecordText(text, path, changes, authors ? (body) => renameAuthor(body, from, to) : undefined);
}
