// Team settings: kith.yaml read into TeamSettings with defaults, its problems reported, and
// the settings file `kith init` writes. The file is read here; the rules are plain data.
import { readRepoFile } from './safe-paths.js';
import { parseDocument, stringify, visit, type Document } from 'yaml';
import { KithError, keptValues, type Problem, type TeamSettings } from '../core/model/index.js';
import { teamSettings, type Locate } from '../core/model/schema/index.js';
import { SETTINGS_FILE } from './layout.js';
import { flowStart, mergeConflict } from './yaml-errors.js';
import { lineColumns, locator } from './yaml-locate.js';

/** Reads kith.yaml's parsed data into settings, with defaults for what is missing. */
export function readSettings(
  data: Record<string, unknown>,
  file = 'kith.yaml',
  locate: Locate = () => undefined,
): { settings: TeamSettings; problems: Problem[] } {
  return teamSettings(data, locate, file);
}

// A YAML alias repeated over and over (a "billion laughs") is refused before it is expanded.
const MAX_ALIASES = 100;

/** kith.yaml's data, or the error at the alias that would expand too far. */
function settingsData(doc: Document.Parsed, text: string, file: string): Record<string, unknown> {
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (err) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = lineColumns(text)(offset);
    throw new KithError(
      `${file}:${line}:${col}: aliases here expand too far (${(err as Error).message.toLowerCase()})`,
      `write the values out instead of repeating *aliases: kith expands at most ${MAX_ALIASES}`,
    );
  }
}

export function loadSettings(root: string): { settings: TeamSettings; text: string; problems: Problem[] } {
  const file = SETTINGS_FILE;
  const read = readRepoFile(root, file);
  if (read.problem) throw new KithError(`${file}: ${read.problem.message}`, read.problem.hint);
  const text = read.text!;
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: true });
  const conflict = mergeConflict(text, file);
  if (conflict) throw new KithError(`${file}:${conflict.line}:1: ${conflict.message}`, conflict.hint);
  if (doc.errors.length) {
    const problems = doc.errors.map((e): Problem => {
      const flow = flowStart(text, e);
      return {
        file,
        line: (flow ?? e.linePos?.[0])?.line ?? 1,
        col: (flow ?? e.linePos?.[0])?.col ?? 1,
        severity: 'error',
        message: flow?.message ?? (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
      };
    });
    const first = problems[0]!;
    throw new KithError(
      `${file}:${first.line}:${first.col}: ${first.message}`,
      'fix kith.yaml: every command needs the team settings',
    );
  }
  const data = settingsData(doc, text, file);
  const { settings, problems } = readSettings(data, file, locator(doc, text));
  // values a merge kept aside: reported by check and due until settled
  const kept = keptValues(data);
  if (!kept.length) return { settings, text, problems };
  const line = text.split('\n').findIndex((l) => /^conflicts\s*:/.test(l)) + 1 || 1;
  return { settings: { ...settings, kept: { line, values: kept } }, text, problems };
}

/** A value as one line of YAML flow style: "Northwind", [a.example, b.example]. */
export function inlineYaml(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
}
