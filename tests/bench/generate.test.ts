// The benchmark's generator: same seed, same repository; the proportions of a team after
// years of use; records kith reads without a problem.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailbox, proportions, repositoryFiles, writeRepository } from './generate.mjs';
import { sandbox } from '../helpers/cli.js';

describe('the benchmark generator', () => {
  it('makes the same files from the same seed, and others from another', () => {
    const one = [...repositoryFiles(300)];
    expect([...repositoryFiles(300)]).toEqual(one);
    expect([...repositoryFiles(300, 14)]).not.toEqual(one);
    expect(mailbox(20)).toBe(mailbox(20));
  });

  it('keeps the proportions of 10,000 contacts, 50,000 conversations and 5,000 deals', () => {
    expect(proportions(66_000)).toEqual({ orgs: 1000, contacts: 10_000, deals: 5000, conversations: 50_000 });
    const files = [...repositoryFiles(660)].map(([path]) => path.split('/')[0]);
    expect(files.filter((d) => d === 'conversations')).toHaveLength(500);
  });

  it('writes records kith reads without a problem', () => {
    const s = sandbox();
    const root = mkdtempSync(join(tmpdir(), 'kith-gen-'));
    writeRepository(root, 200);
    s.git(['init', '-q'], root);
    const r = s.kith(['check', '--repo', root]);
    expect(r.stdout).toMatch(/^ok: \d+ records checked/);
    expect(r.code).toBe(0);
  });

  it('writes a mailbox of the messages asked for', () => {
    expect(mailbox(40).match(/^From bench /gm)).toHaveLength(40);
  });
});
