// A write changes a few entries of a shard file in place (spliceShard): the lines of the files
// it wrote, and their keys, without parsing the folder's other entries. What it leaves must read
// exactly as the shard written whole with the same entries, and a file it cannot splice (another
// layout or format, corrupt, missing) is left alone for the caller to write whole.
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FORMAT,
  keysOfShard,
  MANIFEST,
  readShard,
  readShardKeys,
  spliceShard,
  writeShard,
  type CacheEntry,
  type Shard,
} from '../../src/store/shard-files.js';
import { KITH_VERSION } from '../../src/store/package-files.js';
import { withoutId } from '../helpers/shards.js';

const SETTINGS = 'abc';
const contact = (n: number, name = `Person ${n}`): CacheEntry => ({
  st: `blob${n}`,
  r: { id: `c-${String(n).padStart(12, '0')}`, name, emails: [`p${n}@x.example`] },
});
const shardOf = (entries: Record<string, CacheEntry>): Shard => ({
  format: FORMAT,
  kith: KITH_VERSION,
  settings: SETTINGS,
  entries,
});

function folder(): string {
  return join(mkdtempSync(join(tmpdir(), 'kith-splice-')), 'contacts.json');
}

/** What a reader gets from a shard file: its shard and its keys, and the id both name. */
function read(file: string) {
  const { id, ...shard } = readShard(file, SETTINGS).shard!;
  const line = readShardKeys(file, SETTINGS)!;
  expect(line.id).toBe(id);
  return { shard, keys: line.keys };
}

describe('splicing a shard file', () => {
  const start = {
    'contacts/a.md': contact(1),
    'contacts/b.md': contact(2),
    'contacts/c.md': {
      st: 'blob3',
      p: [{ file: 'contacts/c.md', line: 1, col: 1, severity: 'error' as const, message: 'x' }],
    },
    'contacts/d "quoted".md': contact(4),
  };
  const cases: [string, Record<string, CacheEntry | null>][] = [
    ['one entry changed', { 'contacts/b.md': contact(2, 'Renamed') }],
    ['one added', { 'contacts/e.md': contact(5) }],
    ['the first removed', { 'contacts/a.md': null }],
    ['the last removed, and a broken one mended', { 'contacts/d "quoted".md': null, 'contacts/c.md': contact(3) }],
    ['one broken', { 'contacts/a.md': { st: 'blob9', p: start['contacts/c.md'].p } }],
    [
      'every entry removed, then one added',
      {
        'contacts/a.md': null,
        'contacts/b.md': null,
        'contacts/c.md': null,
        'contacts/d "quoted".md': null,
        'contacts/f.md': contact(6),
      },
    ],
  ];
  it.each(cases)('reads as the shard written whole, under a new id and at its old time: %s', (_, changes) => {
    const file = folder();
    writeShard(file, shardOf(start));
    const old = new Date(Date.now() - 3600_000);
    utimesSync(file, old, old);
    const was = readShard(file, SETTINGS).shard!.id;
    writeFileSync(join(file, '..', MANIFEST), '{}');
    const expected: Record<string, CacheEntry> = { ...start };
    for (const [path, entry] of Object.entries(changes)) {
      if (entry) expected[path] = entry;
      else delete expected[path];
    }
    expect(spliceShard(file, SETTINGS, new Map(Object.entries(changes)))).toBe(was);
    expect(readShard(file, SETTINGS).shard!.id).not.toBe(was);
    // the entries left alone are trusted against the time they were found at
    expect(Math.round(statSync(file).mtimeMs)).toBe(old.getTime());
    // a manifest vouched for the shard as it was
    expect(existsSync(join(file, '..', MANIFEST))).toBe(false);
    const whole = folder();
    writeShard(whole, shardOf(expected));
    expect(read(file)).toEqual(read(whole));
    expect(read(file).keys).toEqual(keysOfShard(shardOf(expected)));
    expect(withoutId(readFileSync(file, 'utf8'))).toBe(withoutId(readFileSync(whole, 'utf8')));
  });

  it('leaves alone a file it cannot splice: another layout or format, corrupt, missing', () => {
    const shard = shardOf(start);
    const line = { format: FORMAT, kith: KITH_VERSION, settings: SETTINGS, id: '0123456789abcdef' };
    const keys = JSON.stringify({ ...line, keys: keysOfShard(shard) });
    const texts = [
      `${keys}\n${JSON.stringify({ ...shard, id: line.id })}`,
      `${keys.replace(',"id":"0123456789abcdef"', '')}\n${JSON.stringify(shard)}`,
      `${keys.replace(`"format":${FORMAT}`, '"format":1')}\n${JSON.stringify(shard)}`,
      '{"format":',
      `${keys}\n{"format":`,
    ];
    for (const text of texts) {
      const file = folder();
      writeFileSync(file, text);
      expect(spliceShard(file, SETTINGS, new Map([['contacts/a.md', contact(7)]])), text.slice(0, 40)).toBeUndefined();
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    expect(spliceShard(folder(), SETTINGS, new Map([['contacts/a.md', contact(7)]]))).toBeUndefined();
    const other = folder();
    writeShard(other, shard);
    const before = readFileSync(other, 'utf8');
    expect(spliceShard(other, 'another kith.yaml', new Map([['contacts/a.md', contact(7)]]))).toBeUndefined();
    expect(readFileSync(other, 'utf8')).toBe(before);
  });
});
