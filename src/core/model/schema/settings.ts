// kith.yaml's schema: every team setting, its rule and its default. Problems point at the
// node they are about. Pure: the parsed data and node positions come in.
import * as v from 'valibot';
import {
  DEFAULT_FOLLOWUP,
  DEFAULT_STAGES,
  type Member,
  type Problem,
  type Stage,
  type TeamSettings,
} from '../types.js';
import { checkNode, nearest, type Locate, type NodePath } from './validate.js';
import * as r from './values.js';

const member = v.looseObject({
  handle: r.handle,
  name: v.optional(r.text()),
  emails: v.optional(r.words(r.email)),
});

const stage = v.pipe(
  v.unknown(),
  v.transform((x) => (typeof x === 'string' ? { name: x } : x)),
  v.looseObject(
    { name: r.nonEmptyText('a stage name'), probability: v.optional(r.probability) },
    (i) => `must be a stage like {name: lead, probability: 0.1}, not ${r.quote(i.input)}`,
  ),
);

/** Each key of kith.yaml and its rule; keys are checked one by one so one mistake hides no other. */
const FIELDS = {
  name: r.nonEmptyText('the team name'),
  domains: r.words(r.domain),
  members: v.array(member, 'must be a list of members like - {handle: maya, name: Maya, emails: [...]}'),
  currency: r.currency,
  rates: v.pipe(
    v.record(r.currency, v.unknown(), 'must be a mapping of currency codes to positive numbers, like {USD: 0.92}'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const [code, n] of Object.entries(dataset.value))
        if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
          addIssue({
            message: `must be a positive number (the value of one ${code} in the team currency), not ${r.quote(n)}`,
            path: [
              {
                type: 'object',
                origin: 'value',
                input: dataset.value as Record<string, unknown>,
                key: code,
                value: n,
              },
            ],
          });
    }),
  ),
  stages: v.pipe(
    v.array(stage, 'must be a list of stages'),
    v.check((s) => s.length > 0, 'must name at least one stage'),
  ),
  followup: v.looseObject(
    {
      reply_days: v.optional(r.days(1, 90)),
      nudge_days: v.optional(r.days(1, 365)),
      stale_days: v.optional(r.days(1, 3660)),
      workdays: v.optional(r.words(r.weekday)),
      holidays: v.optional(r.words(r.isoDate)),
    },
    'must be a mapping of follow-up settings',
  ),
} as const;

// Keys kith.yaml may also hold: values a merge kept aside.
const OTHER_KEYS = new Set(['conflicts']);

type Fields = { [K in keyof typeof FIELDS]?: v.InferOutput<(typeof FIELDS)[K]> };

/** kith.yaml's data as settings, defaults filled in, with every problem at its node. */
export function teamSettings(
  data: Readonly<Record<string, unknown>>,
  locate: Locate,
  file = 'kith.yaml',
): { settings: TeamSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const got: Fields = {};
  for (const [key, schema] of Object.entries(FIELDS)) {
    if (data[key] === undefined || data[key] === null) continue;
    const checked = checkNode(schema as v.GenericSchema, data[key], { file, path: [key], locate });
    problems.push(...checked.problems);
    (got as Record<string, unknown>)[key] = checked.value;
  }
  for (const key of Object.keys(data)) {
    if (key in FIELDS || OTHER_KEYS.has(key)) continue;
    const { line, col } = nearest(locate, [key]);
    const known = [...Object.keys(FIELDS)].join(', ');
    problems.push({ file, line, col, severity: 'warning', message: `unknown key "${key}"`, hint: `one of ${known}` });
  }
  const at = (path: NodePath) => nearest(locate, path);
  const members: Member[] = (got.members ?? []).map((m) => ({
    handle: m.handle,
    name: m.name ?? m.handle,
    emails: (m.emails ?? []).map((e) => e.toLowerCase()),
  }));
  const stages: Stage[] = got.stages
    ? got.stages.map((s) => ({ name: s.name, probability: s.probability ?? 0 }))
    : [...DEFAULT_STAGES];
  const currency = (got.currency ?? 'EUR').toUpperCase();
  const rates = Object.fromEntries(Object.entries(got.rates ?? {}).map(([k, n]) => [k.toUpperCase(), n as number]));
  const f = got.followup ?? {};
  if (f.workdays && !f.workdays.length) {
    const { line, col } = at(['followup', 'workdays']);
    const message = 'followup.workdays must name at least one weekday, or business days can never come';
    problems.push({ file, line, col, severity: 'error', message, hint: 'e.g. workdays: [mon, tue, wed, thu, fri]' });
  }
  return {
    settings: {
      name: got.name ?? 'Our team',
      domains: (got.domains ?? []).map((d) => d.toLowerCase().replace(/^@/, '')),
      members,
      currency,
      rates,
      stages,
      followup: {
        reply_days: f.reply_days ?? DEFAULT_FOLLOWUP.reply_days,
        nudge_days: f.nudge_days ?? DEFAULT_FOLLOWUP.nudge_days,
        stale_days: f.stale_days ?? DEFAULT_FOLLOWUP.stale_days,
        workdays: f.workdays?.length ? f.workdays : DEFAULT_FOLLOWUP.workdays,
        holidays: f.holidays ?? [],
      },
    },
    problems,
  };
}
