// Test runner settings. Lives under tests/ because the top level of the repo is fixed.
import { defineConfig } from 'vitest/config';

const report = process.env.KITH_TEST_REPORT;

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // installs Dovecot, Chromium and openssl once, before any test file runs
    globalSetup: ['tests/global-setup.ts'],
    // a guard against hangs, not a speed test: a CLI test spawns kith many times
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // CLI tests spawn node and git; two cores, so keep the pool small and steady
    pool: 'forks',
    maxWorkers: 2,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
