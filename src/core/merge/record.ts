// Three-way merge of one record (or kith.yaml) as data: the front matter as values, the body
// as a timeline (conversations) or as lines of notes. What a rule set aside joins the
// record's `conflicts:` list. Pure: parsed versions in, the merged data and body out.
import { mergeText } from './diff3.js';
import { KEPT_KEY, withKept } from './kept.js';
import { rulesFor, type MergeKind } from './rules.js';
import { mergeTimeline, type TimelineMerge } from './timeline.js';
import { isMapping, mergeValue, type Kept } from './values.js';

export interface Version {
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

export interface RecordMerge {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** What this merge set aside (also added to `data.conflicts`). */
  readonly kept: readonly Kept[];
  /** Timeline entries each side added since the base. */
  readonly added: { readonly ours: number; readonly theirs: number };
}

/** The stage of the newest row of a merged history, for the stage rule. */
function newestStage(base: Version | undefined, ours: Version, theirs: Version): string | undefined {
  const history = mergeValue(base?.data.history, ours.data.history, theirs.data.history, rulesFor('deal'));
  const rows = history.value;
  if (!Array.isArray(rows)) return undefined;
  const last = rows.at(-1);
  return isMapping(last) && typeof last.stage === 'string' ? last.stage : undefined;
}

/** The body of a record that is not a conversation: free notes, merged line by line. */
function mergeNotes(base: Version | undefined, ours: Version, theirs: Version): TimelineMerge {
  const { text, kept } = mergeText(base?.body, ours.body, theirs.body);
  return { body: text, kept: kept.map((k) => ({ field: 'body', value: k.value })), added: { ours: 0, theirs: 0 } };
}

/** Merges three versions of a file of `kind`; `base` is absent when both sides added it. */
export function mergeRecord(kind: MergeKind, base: Version | undefined, ours: Version, theirs: Version): RecordMerge {
  const timeline =
    kind === 'conversation' ? mergeTimeline(base?.body, ours.body, theirs.body) : mergeNotes(base, ours, theirs);
  const stage = kind === 'deal' ? newestStage(base, ours, theirs) : undefined;
  const rules = rulesFor(kind, { newer: timeline.newer, stage });
  const merged = mergeValue(base?.data, ours.data, theirs.data, rules);
  const data = { ...(merged.value as Record<string, unknown>) };
  const kept = [...merged.kept, ...timeline.kept];
  if (kept.length) data[KEPT_KEY] = withKept(data[KEPT_KEY], kept);
  return { data, body: timeline.body, kept, added: timeline.added };
}
