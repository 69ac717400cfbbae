import { describe, expect, it } from 'vitest';
import { installMissing, requirePackage } from '../helpers/system-packages.js';

function host(o: { root: boolean; installs: boolean }) {
  const present = new Set<string>(['/usr/bin/openssl']);
  const runs: string[] = [];
  const lines: string[] = [];
  return {
    runs,
    lines,
    exists: (p: string) => present.has(p),
    isRoot: o.root,
    run: (cmd: string, args: string[]) => {
      runs.push([cmd, ...args].join(' '));
      if (o.installs && args[0] === 'install')
        ['/usr/sbin/dovecot', '/usr/bin/chromium'].forEach((p) => present.add(p));
      return 0;
    },
    log: (line: string) => lines.push(line),
  };
}

describe('the packages the tests need', () => {
  it('are installed by one apt-get run when root', () => {
    const h = host({ root: true, installs: true });
    installMissing(h);
    expect(h.runs).toEqual(['apt-get update -qq', 'apt-get install -y -qq dovecot-imapd chromium']);
  });

  it('when not root, give one message with the exact apt-get line and install nothing', () => {
    const h = host({ root: false, installs: true });
    installMissing(h);
    expect(h.runs).toEqual([]);
    expect(h.lines).toEqual([
      'The tests need Debian packages that are not installed. Run as root:\n  apt-get install -y dovecot-imapd chromium',
    ]);
  });

  it('say what is still missing when apt-get could not install it', () => {
    const h = host({ root: true, installs: false });
    installMissing(h);
    expect(h.lines.at(-1)).toBe('Those tests will fail. Run as root:\n  apt-get install -y dovecot-imapd chromium');
  });

  it('make a test that needs a missing one fail, naming the package', () => {
    expect(() => requirePackage('dovecot-imapd', () => false)).toThrow(
      '/usr/sbin/dovecot is missing: apt-get install -y dovecot-imapd (as root)',
    );
    expect(() => requirePackage('dovecot-imapd', () => true)).not.toThrow();
  });
});
