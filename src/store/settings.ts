// Team settings: kith.yaml read into TeamSettings with defaults, its problems reported, and
// the settings file `kith init` writes. The file is read here; the rules are plain data.
import { readRepoFile } from './safe-paths.js';
import { parseDocument, stringify } from 'yaml';
import { KithError, keptValues } from '../core/model/index.js';
import {
  DEFAULT_FOLLOWUP,
  DEFAULT_STAGES,
  type FollowUpSettings,
  type Member,
  type Problem,
  type TeamSettings,
} from '../core/model/index.js';
import { isIsoDate } from '../core/time/index.js';
import { SETTINGS_FILE } from './layout.js';

/** Reads kith.yaml's parsed data into settings, with defaults for what is missing. */
export function readSettings(
  data: Record<string, unknown>,
  file = 'kith.yaml',
): { settings: TeamSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (message: string) => problems.push({ file, line: 1, col: 1, message, severity: 'error' });
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const members: Member[] = Array.isArray(data.members)
    ? data.members.flatMap((m) => {
        const o = (m ?? {}) as Record<string, unknown>;
        if (typeof o.handle !== 'string') {
          bad('each member needs a handle');
          return [];
        }
        return [
          {
            handle: o.handle,
            name: typeof o.name === 'string' ? o.name : o.handle,
            emails: list(o.emails).map((e) => e.toLowerCase()),
          },
        ];
      })
    : [];
  const stages = Array.isArray(data.stages)
    ? data.stages.flatMap((s) => {
        const o = (typeof s === 'string' ? { name: s } : (s ?? {})) as Record<string, unknown>;
        if (typeof o.name !== 'string') {
          bad('each stage needs a name');
          return [];
        }
        const p = typeof o.probability === 'number' ? o.probability : 0;
        if (p < 0 || p > 1) bad(`stage "${o.name}": probability must be between 0 and 1`);
        return [{ name: o.name, probability: p }];
      })
    : DEFAULT_STAGES;
  const f = (data.followup ?? {}) as Record<string, unknown>;
  const num = (k: keyof FollowUpSettings) =>
    typeof f[k] === 'number' ? (f[k] as number) : (DEFAULT_FOLLOWUP[k] as number);
  const rates: Record<string, number> = {};
  for (const [k, v] of Object.entries((data.rates ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'number' && v > 0) rates[k.toUpperCase()] = v;
    else bad(`rate for ${k} must be a positive number`);
  }
  const holidays = list(f.holidays);
  for (const h of holidays) if (!isIsoDate(h)) bad(`holiday "${h}" is not a real date`);
  return {
    settings: {
      name: typeof data.name === 'string' ? data.name : 'Our team',
      domains: list(data.domains).map((d) => d.toLowerCase()),
      members,
      currency: typeof data.currency === 'string' ? data.currency.toUpperCase() : 'EUR',
      rates,
      stages,
      followup: {
        reply_days: num('reply_days'),
        nudge_days: num('nudge_days'),
        stale_days: num('stale_days'),
        workdays: f.workdays ? list(f.workdays).map((d) => d.slice(0, 3).toLowerCase()) : DEFAULT_FOLLOWUP.workdays,
        holidays: holidays.filter(isIsoDate),
      },
    },
    problems,
  };
}

export function loadSettings(root: string): { settings: TeamSettings; text: string; problems: Problem[] } {
  const file = SETTINGS_FILE;
  const read = readRepoFile(root, file);
  if (read.problem) throw new KithError(`${file}: ${read.problem.message}`, read.problem.hint);
  const text = read.text!;
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    const problems = doc.errors.map((e): Problem => ({
      file,
      line: e.linePos?.[0]?.line ?? 1,
      col: e.linePos?.[0]?.col ?? 1,
      severity: 'error',
      message: (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
    }));
    const first = problems[0]!;
    throw new KithError(
      `${file}:${first.line}:${first.col}: ${first.message}`,
      'fix kith.yaml: every command needs the team settings',
    );
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const { settings, problems } = readSettings(typeof data === 'object' ? data : {}, file);
  // values a merge kept aside: reported by check and due until settled
  const kept = keptValues(typeof data === 'object' ? data : {});
  if (!kept.length) return { settings, text, problems };
  const line = text.split('\n').findIndex((l) => /^conflicts\s*:/.test(l)) + 1 || 1;
  return { settings: { ...settings, kept: { line, values: kept } }, text, problems };
}

/** A value as one line of YAML flow style: "Northwind", [a.example, b.example]. */
export function inlineYaml(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
}
