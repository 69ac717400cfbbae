import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

// Exact terminal output, with NO_COLOR, COLUMNS=100 and a fixed now. Each golden file was
// read by a person before it was committed; regenerate one only after reading the diff.
const EXAMPLES = new URL('../../examples', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/pipeline', import.meta.url).pathname;
const golden = (name: string) => readFileSync(new URL(`../fixtures/golden/${name}`, import.meta.url), 'utf8');

describe('golden output', () => {
  it.each([
    ['show-priya.txt', '2026-11-18T09:30:00+01:00', ['--repo', EXAMPLES, 'show', 'priya-raman']],
    ['show-kestrel-commercials.txt', '2026-11-18T09:30:00+01:00', ['--repo', EXAMPLES, 'show', 'kestrel-commercials']],
    ['pipeline-fixture.txt', '2026-11-25T10:00:00+01:00', ['--repo', FIXTURE, 'pipeline', '--period', '2026-Q4']],
  ])('%s', (name, now, args) => {
    const r = sandbox({ now }).kith(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden(name));
  });
});
