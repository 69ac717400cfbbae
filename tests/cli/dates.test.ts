import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

// Tuesday 24 November 2026, 10:00 in Paris. What happened lies behind; what is due lies ahead.
const TUESDAY = '2026-11-24T10:00:00+01:00';

describe('dates read the way people mean them', () => {
  const s = seededRepo({ now: TUESDAY });
  const file = (path: string) => readFileSync(join(s.dir, path), 'utf8');

  it('--at friday on a Tuesday is last Friday, --at 01/02 the last such date', () => {
    const r = s.kith(['log', 'jane', 'call: pricing', '--at', 'friday']);
    expect(r.code, r.stderr).toBe(0);
    const path = /in new conversation (\S+):/.exec(r.stdout)![1]!;
    expect(file(path)).toContain('## 2026-11-20 09:00 +01:00');
    const older = s.kith(['log', 'jane', 'note: met at the fair', '--at', '01/02']);
    expect(older.code, older.stderr).toBe(0);
    expect(file(path)).toContain('## 2026-01-02 09:00 +01:00');
  });

  it('refuses a future --at with a hint, on log and on every stage change', () => {
    for (const args of [
      ['log', 'jane', 'call: later', '--at', 'tomorrow'],
      ['move', 'acme-sso-rollout', 'proposal', '--at', 'in 3 days'],
      ['won', 'acme-sso-rollout', '--at', '2026-12-01'],
      ['lost', 'acme-sso-rollout', '--reason', 'price', '--at', 'next friday'],
    ]) {
      const r = s.kith(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--at ".*" is in the future/);
      expect(r.stderr).toMatch(/hint: .*when it happened/);
    }
  });

  it('refuses a past date where a future one is meant, unless --past is given', () => {
    for (const [args, flag] of [
      [['log', 'jane', 'call: x', '--next', 'last friday'], '--next'],
      [['promise', 'jane', 'send the quote', '--by', '3 days ago'], '--by'],
      [['add', 'deal', 'Acme extra', '--org', 'acme', '--close', 'last friday'], '--close'],
      [['snooze', 'jane', 'yesterday'], 'snooze to'],
    ] as const) {
      const r = s.kith(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${flag} "${args.at(-1)}" is in the past`);
      expect(r.stderr).toMatch(/hint: .*--past/);
    }
    const r = s.kith(['promise', 'jane', 'send the quote', '--by', '3 days ago', '--past']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('by 2026-11-21');
  });

  it('refuses a stage change before the deal was created or before its previous change', () => {
    const before = s.kith(['won', 'acme-sso-rollout', '--at', '2026-11-01']);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('acme-sso-rollout cannot change stage on 2026-11-01: it was created on 2026-11-24');
    const later = (now: string) => ({ env: { KITH_NOW: now } });
    expect(s.kith(['move', 'acme-sso-rollout', 'proposal'], later('2026-11-27T10:00:00+01:00')).code).toBe(0);
    const out = s.kith(['won', 'acme-sso-rollout', '--at', '2026-11-25'], later('2026-11-28T10:00:00+01:00'));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('cannot change stage on 2026-11-25: it entered proposal on 2026-11-27');
    const pipeline = JSON.parse(s.kith(['pipeline', '--json']).stdout);
    expect(pipeline.cycle_days.mean).toBeNull();
  });
});
