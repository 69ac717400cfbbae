// The schema's rules as tables: a value in, its problem (or none) out, at the node's position.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { recordFields, teamSettings, type Locate } from '../../../src/core/model/schema/index.js';
import { addBusinessDays, addDays, addDuration, zoneOfTz } from '../../../src/core/time/index.js';
import { locator } from '../../../src/store/yaml-locate.js';

const yaml = (text: string): [Record<string, unknown>, Locate] => {
  const doc = parseDocument(text, { version: '1.2' });
  return [doc.toJS() as Record<string, unknown>, locator(doc, text)];
};
const settingsProblems = (text: string) =>
  teamSettings(...yaml(text)).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
const dealProblems = (text: string) =>
  recordFields('deal', ...yaml(`id: d-1\ntitle: T\nstage: lead\n${text}`), 'deals/d.md').problems.map(
    (p) => `${p.line}:${p.col}: ${p.message}`,
  );

describe('kith.yaml', () => {
  it.each([
    [
      'followup:\n  workdays: [mon, funday]',
      '2:19: followup.workdays[1] must be a weekday, one of mon, tue, wed, thu, fri, sat, sun, not "funday"',
    ],
    [
      'followup:\n  reply_days: two',
      '2:15: followup.reply_days must be a whole number of days from 1 to 90, not "two"',
    ],
    ['followup:\n  nudge_days: 7.5', '2:15: followup.nudge_days must be a whole number of days from 1 to 365, not 7.5'],
    [
      'followup:\n  stale_days: .nan',
      '2:15: followup.stale_days must be a whole number of days from 1 to 3660, not .nan',
    ],
    [
      'followup:\n  reply_days: 100000000',
      '2:15: followup.reply_days must be a whole number of days from 1 to 90, not 100000000',
    ],
    [
      'followup:\n  workdays: []',
      '2:13: followup.workdays must name at least one weekday, or business days can never come',
    ],
    [
      'followup:\n  holidays: [2026-02-31]',
      '2:14: followup.holidays[0] must be a real date written YYYY-MM-DD, not "2026-02-31"',
    ],
    [
      'stages:\n  - {name: lead, probability: fifty}',
      '2:31: stages[0].probability must be a number from 0 to 1, like 0.6, not "fifty"',
    ],
    [
      'stages:\n  - {name: lead, probability: 60}',
      '2:31: stages[0].probability must be a number from 0 to 1, like 0.6, not 60',
    ],
    ['currency: 123', '1:11: currency must be a currency code, not 123'],
    [
      'rates: {USD: -1}',
      '1:14: rates.USD must be a positive number (the value of one USD in the team currency), not -1',
    ],
    ['domains: [not a domain]', '1:11: domains[0] must be a domain like acme.example, not "not a domain"'],
    ['name: ""', '1:7: name must not be empty'],
    ['members:\n  - {handle: 123}', '2:14: members[0].handle must be a handle like maya, not 123'],
  ])('%j: %s', (text, problem) => {
    expect(settingsProblems(text)).toEqual([problem]);
  });

  it('accepts the template and warns about unknown keys', () => {
    expect(settingsProblems('name: N\nfollowup:\n  reply_days: 2\n  workdays: [Monday, tue]\n')).toEqual([]);
    const { problems } = teamSettings(...yaml('name: N\nfolowup: {}\n'));
    expect(problems).toMatchObject([{ line: 2, col: 10, severity: 'warning', message: 'unknown key "folowup"' }]);
  });

  it('falls back to the defaults for values that break their rule', () => {
    const { settings } = teamSettings(...yaml('followup:\n  workdays: [funday]\n  reply_days: 0\n'));
    expect(settings.followup).toMatchObject({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], reply_days: 2 });
  });
});

describe('records', () => {
  it.each([
    ['amount: -500', '4:9: amount must be plain digits, not negative, like 48000 or 1250.50, not -500'],
    ['amount: ""', '4:9: amount must be plain digits, not negative, like 48000 or 1250.50, not ""'],
    ['amount: 0x10', '4:9: amount must be plain digits, not negative, like 48000 or 1250.50, not 0x10'],
    [
      'amount: 99999999999999999999',
      '4:9: amount must be plain digits, not negative, like 48000 or 1250.50, not 99999999999999999999',
    ],
    ['probability: fifty', '4:14: probability must be a number from 0 to 1, like 0.6, not "fifty"'],
    ['currency: dollars', '4:11: currency must be a three-letter currency code like EUR, not "dollars"'],
    ['close: 2026-02-31', '4:8: close must be a real date written YYYY-MM-DD, not "2026-02-31"'],
    ['history:\n  - {stage: lead, at: soon}', '5:23: history[0].at must be a real date written YYYY-MM-DD, not "soon"'],
  ])('%j: %s', (text, problem) => {
    expect(dealProblems(text)).toEqual([problem]);
  });

  it('accepts plain amounts and probabilities', () => {
    expect(dealProblems('amount: 48000\nprobability: 0.6\ncurrency: EUR\nclose: 2026-12-15')).toEqual([]);
    expect(dealProblems('amount: 1250.50')).toEqual([]);
  });

  it('keeps phones and ids as written, and warns that YAML read them as numbers', () => {
    const { fields, problems } = recordFields(
      'contact',
      ...yaml('id: 0042\nname: Jane\nphones: [0612345678, "+4930123"]\n'),
      'contacts/j.md',
    );
    expect(fields).toMatchObject({ id: '0042', phones: ['0612345678', '+4930123'] });
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.severity}: ${p.message}`)).toEqual([
      '1:5: warning: id 0042 reads as a number in YAML: quote it',
      '3:10: warning: phones[0] 0612345678 reads as a number in YAML: quote it',
    ]);
  });

  it.each([['-3d'], ['0d'], ['99999999999d'], ['every so often']])('refuses the cadence %s', (cadence) => {
    const { problems } = recordFields('contact', ...yaml(`id: c-1\nname: J\ncadence: ${cadence}\n`), 'contacts/j.md');
    expect(problems[0]?.message).toBe(
      `cadence must be a duration from 1d to 10y, like 30d, 6w, 3m or quarterly, not "${cadence}"`,
    );
  });

  it('keeps the good promises of a list with a bad one', () => {
    const text =
      'id: v-1\npromises:\n  - {id: p-1, from: us, what: quote, due: 2026-12-01}\n  - {id: p-2, from: maybe, what: x, due: 2026-12-01}\n';
    const { fields, problems } = recordFields('conversation', ...yaml(text), 'conversations/2026/v.md');
    expect((fields.promises as unknown[]).length).toBe(1);
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '4:21: promises[1].from must be us or them, not "maybe"',
    ]);
  });
});

describe('date loops are bounded', () => {
  const never = { workdays: ['mon'], holidays: [] as string[] };
  it('throws a clear error when no business day can come', () => {
    expect(() => addBusinessDays('2026-11-25', 2, { workdays: ['xyz'], holidays: [] })).toThrow(
      'no business day within a year after 2026-11-25: workdays are xyz',
    );
    expect(() => addBusinessDays('2026-11-25', 100_000_000, never)).toThrow('100000000 business days is out of range');
  });

  it('throws on dates beyond any calendar instead of "Invalid time value"', () => {
    expect(() => addDays('2026-11-25', 99_999_999_999)).toThrow('cannot add 99999999999 days to "2026-11-25"');
    expect(() => addDuration('2026-11-25', { days: 99_999_999_999 })).toThrow(
      'a duration of 99999999999 days is too long',
    );
  });
});

describe('TZ as libc reads it', () => {
  const link = (target: string) => (path: string) => (path === '/etc/localtime' ? target : undefined);
  it.each([
    [':Europe/Stockholm', 'Europe/Stockholm'],
    ['Europe/Stockholm', 'Europe/Stockholm'],
    [':/etc/localtime', 'Europe/Berlin'],
    ['UTC0', 'UTC'],
    ['CET-1CEST', 'CET'],
    ['CET-1CEST,M3.5.0,M10.5.0/3', 'CET'],
    ['EST5EDT', 'EST5EDT'],
    ['XYZ-3', 'Etc/GMT-3'],
    ['', 'UTC'],
  ])('%j is %s', (tz, zone) => {
    expect(zoneOfTz(tz, link('/usr/share/zoneinfo/Europe/Berlin'))).toBe(zone);
  });

  it('names no zone for a rule it cannot read, so the caller falls back to the system zone', () => {
    expect(zoneOfTz('ABC-1DEF,M3.5.0,M10.5.0', () => undefined)).toBeUndefined();
    expect(zoneOfTz(':/nowhere', () => undefined)).toBeUndefined();
  });
});
