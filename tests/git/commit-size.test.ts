// A commit of thousands of files with a message naming each (what a big import makes) goes
// through: paths and message reach git on its standard input, not its command line, and their
// blobs are stored in one pack, not a file each.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it("stores many files' blobs in one pack, and each as git's filters make it", async () => {
    const s = sandbox();
    const root = mkdtempSync(join(tmpdir(), 'kith-packed-commit-'));
    s.git(['init', '-q'], root);
    // a clean filter: what git stores is not the file's bytes, so the pack's blob goes unused
    s.git(['config', 'filter.upper.clean', 'tr a-z A-Z'], root);
    writeFileSync(join(root, '.gitattributes'), 'contacts/*.md filter=upper\n');
    mkdirSync(join(root, 'conversations/2026'), { recursive: true });
    mkdirSync(join(root, 'contacts'));
    const paths = Array.from({ length: 300 }, (_, n) => `conversations/2026/thread-${n}.md`);
    for (const p of paths) writeFileSync(join(root, p), `---\nid: v-${i(p)}\n---\n`);
    writeFileSync(join(root, 'contacts/jane.md'), 'name: jane\n');
    symlinkSync('/etc/hostname', join(root, 'contacts/link.md'));
    const all = [...paths, 'contacts/jane.md', 'contacts/link.md', 'contacts/gone.md', '.gitattributes'];
    await commitPaths(root, { ...s.env, GIT_CONFIG_NOSYSTEM: '1' }, { paths: all, summary: 'import', trailers: {} });
    const loose = readdirSync(join(root, '.git/objects'))
      .filter((d) => /^[0-9a-f]{2}$/.test(d))
      .flatMap((d) => readdirSync(join(root, '.git/objects', d)));
    // a commit, its trees, the filtered blob, the link and .gitattributes: not the 300 blobs
    expect(loose.length).toBeLessThan(10);
    expect(readdirSync(join(root, '.git/objects/pack')).filter((f) => f.endsWith('.pack'))).toHaveLength(1);
    expect(s.git(['show', 'HEAD:conversations/2026/thread-7.md'], root)).toBe(
      `---\nid: v-${i('conversations/2026/thread-7.md')}\n---\n`,
    );
    expect(s.git(['show', 'HEAD:contacts/jane.md'], root)).toBe('NAME: JANE\n');
    expect(s.git(['cat-file', '-p', 'HEAD:contacts/link.md'], root)).toBe('/etc/hostname');
    expect(s.git(['ls-files', '-s', 'contacts/link.md'], root)).toMatch(/^120000 /);
    expect(s.git(['status', '--porcelain'], root)).toBe('');
    expect(s.git(['fsck', '--no-progress', '--no-dangling'], root)).toBe('');
  });
});

function i(path: string): string {
  return path.replace(/\D/g, '').padStart(12, '0');
}
