import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
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
});
