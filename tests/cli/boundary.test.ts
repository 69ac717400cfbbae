// The one error boundary: what each kind of error prints and the exit code it gives.
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, report } from '../../src/cli/boundary.js';
import { argKey } from '../../src/cli/program.js';
import { KithError, UsageError } from '../../src/core/model/index.js';

async function printed(err: unknown, debug = false): Promise<[string, number]> {
  let text = '';
  const code = await report(err, (t) => (text += t), debug);
  return [text, code];
}

describe('the error boundary', () => {
  it('prints a failure with its hint and exits 1', async () => {
    expect(await printed(new KithError('no such thing', 'try this'))).toEqual([
      'kith: no such thing\nhint: try this\n',
      1,
    ]);
  });

  it('exits 2 for a usage error or an ambiguous reference', async () => {
    expect(await printed(new UsageError('"acme" matches 2 records'))).toEqual(['kith: "acme" matches 2 records\n', 2]);
  });

  it('shows only the first line of an unexpected error, and how to see more', async () => {
    expect(await printed(new Error('boom\n    at somewhere'))).toEqual([
      'kith: boom\nhint: run again with KITH_DEBUG=1 for details\n',
      1,
    ]);
    const [text] = await printed(new Error('boom'), true);
    expect(text).toMatch(/^Error: boom\n\s+at /);
  });

  it('leaves commander its own messages: help is 0, a bad flag 2', async () => {
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', ''))).toBe(0);
    expect(exitCodeOf(new CommanderError(1, 'commander.unknownOption', ''))).toBe(2);
    expect(await printed(new CommanderError(1, 'commander.missingArgument', 'x'))).toEqual(['', 2]);
  });
});

describe('system errors', () => {
  it('are said in words with the file, never as a raw code', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      path: '/r/.x.md.12.tmp',
    });
    expect(await printed(full)).toEqual([
      'kith: no space left on the device (/r/x.md)\nhint: free some space, then run the command again\n',
      1,
    ]);
  });
});

describe('command arguments as option keys', () => {
  it.each([
    ['<ref>', 'ref'],
    ['[dir]', 'dir'],
    ['<files...>', 'files'],
    ['<new-name>', 'newName'],
    ['<promise-or-ref>', 'promiseOrRef'],
  ])('%s -> %s', (name, key) => {
    expect(argKey(name)).toBe(key);
  });
});
