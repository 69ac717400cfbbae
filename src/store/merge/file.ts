// Merges three versions of one file of the data repository as text: a record (front matter
// and body), kith.yaml, or another text file line by line. The one merge `kith sync`, the git
// merge driver and `kith resolve` share. Pure over text.
import {
  diff3,
  mergeRecord,
  mergeText,
  rulesFor,
  type Kept,
  type MergeKind,
  type Version,
} from '../../core/merge/index.js';
import { parseFile } from '../front-matter.js';
import { kindOfPath, SETTINGS_FILE } from '../layout.js';
import { mergedFrontMatter } from './assemble.js';
import { layoutOf, type Layout } from './layout.js';

export type FileMerge =
  | {
      readonly ok: true;
      readonly text: string;
      readonly kept: readonly Kept[];
      readonly added: { readonly ours: number; readonly theirs: number };
    }
  | { readonly ok: false; readonly reason: string };

/** The names the two sides go by in messages: "here" and "on origin/main", say. */
export interface SideNames {
  readonly ours: string;
  readonly theirs: string;
}

interface Split {
  readonly open: string;
  readonly yaml: string;
  readonly close: string;
  readonly body: string;
}

function splitText(kind: MergeKind, text: string, path: string): Split | string {
  if (kind === 'settings') return { open: '', yaml: text, close: '', body: '' };
  const parsed = parseFile(text, path);
  const problem = parsed.problems[0];
  if (problem) return `line ${problem.line}: ${problem.message}`;
  const bodyStart = text.length - parsed.body.length;
  return {
    open: text.slice(0, parsed.matterStart),
    yaml: text.slice(parsed.matterStart, parsed.matterEnd),
    close: text.slice(parsed.matterEnd, bodyStart),
    body: parsed.body,
  };
}

const pick3 = (b: string | undefined, o: string, t: string) => (o === t || b === t ? o : b === o ? t : o < t ? o : t);

/** Line merge of a file that is not a record: clean, or the reason it is not. */
function mergePlain(path: string, base: string | undefined, ours: string, theirs: string): FileMerge {
  const split = (s: string) => s.split('\n');
  const conflicted = diff3(split(base ?? ''), split(ours), split(theirs)).some((c) => c.kind === 'changed');
  // ignore and attribute lists are sets of lines: both sides' lines are kept
  if (conflicted && !/(^|\/)\.git(ignore|attributes)$/.test(path))
    return { ok: false, reason: 'both sides changed the same lines, and it is not a record kith can merge' };
  return { ok: true, text: mergeText(base, ours, theirs).text, kept: [], added: { ours: 0, theirs: 0 } };
}

/**
 * Merges `base` (undefined when both sides added the file), `ours` and `theirs`. The result is
 * the same whichever side is ours, and merging a version with itself gives it back.
 */
export function mergeFile(
  path: string,
  base: string | undefined,
  ours: string,
  theirs: string,
  names: SideNames = { ours: 'ours', theirs: 'theirs' },
): FileMerge {
  const none = { kept: [], added: { ours: 0, theirs: 0 } };
  if (ours === theirs || base === theirs) return { ok: true, text: ours, ...none };
  if (base === ours) return { ok: true, text: theirs, ...none };
  const kind: MergeKind | undefined = path === SETTINGS_FILE ? 'settings' : kindOfPath(path);
  if (!kind) return mergePlain(path, base, ours, theirs);
  const [b, o, t] = [base, ours, theirs].map((x) => (x === undefined ? undefined : splitText(kind, x, path)));
  for (const [side, s] of [
    ['the base', b],
    [names.ours, o],
    [names.theirs, t],
  ] as const)
    if (typeof s === 'string') return { ok: false, reason: `its version ${side} cannot be read (${s})` };
  const rules = rulesFor(kind);
  const keyOf = (key: string, item: unknown) => rules.itemKey([key], item);
  const layouts = [b, o, t].map((s) => (s === undefined ? undefined : layoutOf((s as Split).yaml, keyOf))) as [
    Layout | undefined,
    Layout | undefined,
    Layout | undefined,
  ];
  if (layouts.slice(1).some((l) => !l) || (b && !layouts[0]))
    return { ok: false, reason: 'its front matter is not a mapping of keys kith can merge' };
  const version = (s: Split | undefined, l: Layout | undefined): Version | undefined =>
    s && l ? { data: l.data, body: s.body } : undefined;
  const [bs, os, ts] = [b, o, t] as [Split | undefined, Split, Split];
  const merged = mergeRecord(kind, version(bs, layouts[0]), version(os, layouts[1])!, version(ts, layouts[2])!);
  const yaml = mergedFrontMatter(layouts, merged.data, keyOf);
  const text = pick3(bs?.open, os.open, ts.open) + yaml + pick3(bs?.close, os.close, ts.close) + merged.body;
  return { ok: true, text, kept: merged.kept, added: merged.added };
}
