// A commit of thousands of files with a message naming each (what a big import makes) goes
// through: paths and message reach git on its standard input, not its command line.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths } from '../../src/git/commit.js';
import { sandbox } from '../helpers/cli.js';

describe('a commit of many files', { timeout: 180_000 }, () => {
  it('commits 3,000 files whose trailers are longer than one argument may be', async () => {
    const s = sandbox();
    const root = mkdtempSync(join(tmpdir(), 'kith-big-commit-'));
    s.git(['init', '-q'], root);
    mkdirSync(join(root, 'conversations/2026'), { recursive: true });
    const paths = Array.from({ length: 3000 }, (_, i) => `conversations/2026/a-rather-long-thread-name-${i}.md`);
    for (const p of paths) writeFileSync(join(root, p), `---\nid: v-${i(p)}\n---\n`);
    const vars = { ...s.env, GIT_CONFIG_NOSYSTEM: '1' };
    const id = await commitPaths(root, vars, {
      paths,
      summary: 'import 3000 threads',
      trailers: { 'Kith-Ref': paths },
    });
    expect(id).toMatch(/^[0-9a-f]{7,}$/);
    expect(s.git(['ls-files'], root).trim().split('\n')).toHaveLength(3000);
    expect(s.git(['status', '--porcelain'], root)).toBe('');
    expect(
      s
        .git(['log', '-1', '--format=%B'], root)
        .split('\n')
        .filter((l) => l.startsWith('Kith-Ref:')),
    ).toHaveLength(3000);
  });
});

function i(path: string): string {
  return path.replace(/\D/g, '').padStart(12, '0');
}
