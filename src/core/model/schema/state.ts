// The schemas of what lives beside the records: the personal config (config.yaml) and the
// files under .kith/ (journal, lock, IMAP cursors). Pure: parsed data in, problems out.
import * as v from 'valibot';
import { checkNode } from './validate.js';
import * as r from './values.js';

/** The person's own settings: who they are, their zone, their mail accounts. */
export const personalConfigSchema = v.looseObject(
  {
    handle: v.optional(r.handle),
    timezone: v.optional(r.nonEmptyText('a time zone like Europe/Paris')),
    accounts: v.optional(
      v.record(
        v.string(),
        v.looseObject({}, 'must be a mapping of account settings (host, user, ...)'),
        'must be a mapping of named mail accounts',
      ),
    ),
  },
  'must be a mapping of settings like handle: maya',
);

// A journal only ever names files inside the repository, outside .git and .kith.
function isSafeRepoPath(path: string): boolean {
  return !path.startsWith('/') && !path.split('/').some((p) => ['', '.', '..', '.git', '.kith'].includes(p));
}

const nullableText = v.nullable(v.string());

export const journalSchema = v.object({
  version: v.literal(1, 'must be 1 (a journal this version of kith wrote)'),
  action: v.string(),
  pid: v.number(),
  head: nullableText,
  files: v.array(
    v.object({
      path: v.pipe(v.string(), v.check(isSafeRepoPath, 'must name a file inside the repository')),
      backup: nullableText,
      index: nullableText,
      after: nullableText,
    }),
  ),
});

export const lockSchema = v.object({ pid: v.number(), host: v.string(), command: v.string(), started: v.string() });

export const cursorsSchema = v.record(
  v.string(),
  v.object({ uidvalidity: v.string(), last_uid: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
);

/** Parses a .kith/ JSON file's text against its schema; the first problem in words, or the value. */
export function readStateFile<S extends v.GenericSchema>(
  schema: S,
  text: string,
): { value: v.InferOutput<S> } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8 words this differently from one Node line to the next: say only where
    const at = /at position (\d+)/.exec((err as Error).message);
    if (!at) return { problem: 'not valid JSON (it ends too early or is empty)' };
    const before = text.slice(0, Number(at[1])).split('\n');
    return { problem: `not valid JSON at line ${before.length}, column ${before.at(-1)!.length + 1}` };
  }
  const checked = checkNode(schema, data, { file: '', path: [], locate: () => undefined });
  if (checked.problems.length) return { problem: checked.problems[0]!.message.trim() };
  return { value: checked.value };
}
