import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/store/files.js';

const repoModule = new URL('../../dist/store/files.js', import.meta.url).href;

// A child rewrites one file in a loop, alternating two large contents; we SIGKILL it at
// several moments. Whatever the moment, the file must be one content or the other.
describe('atomic writes', () => {
  it('leave the old or the new file after SIGKILL, never a torn one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kith-atomic-'));
    const a = `---\nid: c-aaaaaaaaaaaa\nname: A\n---\n${'a'.repeat(2_000_000)}\n`;
    const b = `---\nid: c-bbbbbbbbbbbb\nname: B\n---\n${'b'.repeat(3_000_000)}\n`;
    const script = `
      const { writeAtomic } = await import(${JSON.stringify(repoModule)});
      const texts = ['---\\nid: c-aaaaaaaaaaaa\\nname: A\\n---\\n' + 'a'.repeat(2_000_000) + '\\n',
        '---\\nid: c-bbbbbbbbbbbb\\nname: B\\n---\\n' + 'b'.repeat(3_000_000) + '\\n'];
      writeAtomic(${JSON.stringify(root)}, 'contacts/x.md', texts[0]);
      process.stdout.write('ready\\n');
      for (let i = 1; ; i++) writeAtomic(${JSON.stringify(root)}, 'contacts/x.md', texts[i % 2]);
    `;
    for (const delay of [5, 17, 31, 53, 89]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const text = readFileSync(join(root, 'contacts/x.md'), 'utf8');
      expect([a, b].includes(text), `torn file after ${delay} ms`).toBe(true);
    }
    // leftover temporary files are hidden (dot files) and never read as records
    expect(readdirSync(join(root, 'contacts')).filter((n) => !n.startsWith('.'))).toEqual(['x.md']);
  });

  it.each([
    [40, 'several at once', undefined],
    [200, 'by one flush of their file system', undefined],
    [200, 'each, where the file system cannot be flushed at once', '/nowhere'],
  ])('write %i files each whole, flushed %s, and leave no temporary file when one fails', async (n, _how, path) => {
    const root = mkdtempSync(join(tmpdir(), 'kith-atomic-'));
    const texts = new Map(Array.from({ length: n }, (_, i) => [`conversations/2026/c-${i}.md`, `text ${i}\n`]));
    const was = process.env.PATH;
    if (path) process.env.PATH = path;
    try {
      await writeFilesAtomic(root, texts);
    } finally {
      process.env.PATH = was;
    }
    for (const [path, text] of texts) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
    expect(readdirSync(join(root, 'conversations/2026'))).toHaveLength(n);
    // a folder where the last file should go: the rename fails, every temporary file goes
    mkdirSync(join(root, 'deals/taken.md'), { recursive: true });
    const failing = new Map([...texts].map(([path]) => [path, 'new\n']));
    failing.set('deals/taken.md', 'x\n');
    await expect(writeFilesAtomic(root, failing)).rejects.toThrow();
    const left = ['conversations/2026', 'deals'].flatMap((dir) => readdirSync(join(root, dir)));
    expect(left.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // a file where a folder should be: nothing is written at all
    writeFileSync(join(root, 'orgs'), 'not a folder');
    const none = new Map([
      ['contacts/a.md', 'a\n'],
      ['orgs/b.md', 'b\n'],
    ]);
    await expect(writeFilesAtomic(root, none)).rejects.toThrow();
    expect(readdirSync(join(root, 'contacts')).filter((n) => n.endsWith('.md') || n.endsWith('.tmp'))).toEqual([]);
  });
});
