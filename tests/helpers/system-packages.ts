// The Debian packages the tests need (real peers, never mocks): Dovecot for IMAP import,
// Chromium for the HTML report, openssl for the test CA. Installed once, before any test file
// runs (vitest's global setup), so that no two apt-get runs race.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Need {
  readonly pkg: string;
  readonly path: string;
}

const NEEDED: readonly Need[] = [
  { pkg: 'dovecot-imapd', path: '/usr/sbin/dovecot' },
  { pkg: 'chromium', path: '/usr/bin/chromium' },
  { pkg: 'openssl', path: '/usr/bin/openssl' },
];

interface Host {
  readonly exists: (path: string) => boolean;
  readonly isRoot: boolean;
  readonly run: (cmd: string, args: string[]) => number | null;
  readonly log: (line: string) => void;
}

const realHost: Host = {
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
  run: (cmd, args) =>
    spawnSync(cmd, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: 'ignore' }).status,
  log: (line) => process.stderr.write(line + '\n'),
};

function missingPackages(exists: (path: string) => boolean): string[] {
  return NEEDED.filter((n) => !exists(n.path)).map((n) => n.pkg);
}

function aptLine(pkgs: readonly string[]): string {
  return `apt-get install -y ${pkgs.join(' ')}`;
}

/** The error a test that needs `pkg` throws when it is missing: it fails, it does not skip. */
export function requirePackage(pkg: string, exists: (path: string) => boolean = existsSync): void {
  const need = NEEDED.find((n) => n.pkg === pkg);
  if (need && !exists(need.path)) throw new Error(`${need.path} is missing: ${aptLine([pkg])} (as root)`);
}

/** Installs what is missing when root (one apt-get run); otherwise says, once, what to run. */
export function installMissing(host: Host = realHost): void {
  const missing = missingPackages(host.exists);
  if (missing.length === 0) return;
  if (!host.isRoot) {
    host.log(`The tests need Debian packages that are not installed. Run as root:\n  ${aptLine(missing)}`);
    return;
  }
  host.log(`Installing ${missing.join(', ')} for the tests (apt-get, once)...`);
  const update = host.run('apt-get', ['update', '-qq']);
  const install = host.run('apt-get', ['install', '-y', '-qq', ...missing]);
  const still = missingPackages(host.exists);
  if (still.length === 0) return;
  host.log(`Could not install ${still.join(', ')} (apt-get update exit ${update}, install exit ${install}).`);
  host.log(`Those tests will fail. Run as root:\n  ${aptLine(still)}`);
}
