// Limits: a committed link to /dev/zero, a FIFO or a huge record costs nothing, because a
// record's type and size are checked before a byte of it is read.
import { execFileSync } from 'node:child_process';
import { openSync, closeSync, ftruncateSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, teamRepo } from './hostile.js';

describe('limits', { timeout: 180_000 }, () => {
  it('a record that links to /dev/zero is reported, not read', () => {
    const s = teamRepo();
    symlinkSync('/dev/zero', join(s.dir, 'contacts/zero.md'));
    const due = kith(s, ['due'], { timeout: 15_000 });
    expect(due.hung).toBe(false);
    expect(due.code).toBe(0);
    expect(due.stderr).toContain('warning: contacts/zero.md:1:1: a symbolic link, not a regular file');
    expect(kith(s, ['check']).stdout).toContain('contacts/zero.md:1:1: a symbolic link');
  });

  it('a FIFO among the records is reported, and no command hangs on it', () => {
    const s = teamRepo();
    execFileSync('mkfifo', [join(s.dir, 'contacts/pipe.md')]);
    for (const args of [['due'], ['check'], ['ls', 'contacts']]) {
      const r = kith(s, args, { timeout: 15_000 });
      expect(r.hung, args.join(' ')).toBe(false);
      expect(`${r.stdout}${r.stderr}`).toContain('contacts/pipe.md:1:1: a named pipe (FIFO), not a regular file');
    }
  });

  // past 2 GiB even reading whole fails; below it, reading first cost 2 GB and 6.5 s per command
  it('a 3 GB record is refused from its size, before it is read', () => {
    const s = teamRepo();
    const fd = openSync(join(s.dir, 'contacts/huge.md'), 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const due = kith(s, ['due'], { timeout: 15_000 });
    expect(due.hung).toBe(false);
    expect(due.code).toBe(0);
    expect(due.stderr).toContain(
      'contacts/huge.md:1:1: file is too large to be a record (3072.0 MB; the limit is 4 MB)',
    );
  });
});
