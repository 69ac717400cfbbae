// The layer rule of src/README.md, checked on every import in src/: cli → commands →
// {render, store, git, mail} → core, store → git, and core importing none of ours and no I/O.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports (static, dynamic and type-only), as written. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

// Which layers each layer may import (its own always).
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['commands', 'render', 'store', 'git', 'mail', 'core'],
  commands: ['render', 'store', 'git', 'mail', 'core'],
  render: ['core'],
  store: ['git', 'core'],
  git: ['core'],
  mail: ['core'],
  core: [],
};

// Node modules core may not use: it is pure.
const IO = ['node:fs', 'node:child_process', 'node:net', 'node:os', 'node:readline', 'node:stream', 'node:http'];

const sources = files(SRC).map((file) => ({ file, imports: importsOf(readFileSync(file, 'utf8')) }));

describe('the layers of src/', () => {
  it('finds the modules it checks', () => {
    expect(sources.length).toBeGreaterThan(80);
    expect(sources.find((s) => s.file.endsWith('cli/main.ts'))!.imports).toContain('commander');
  });

  it('imports point one way: cli → commands → render, store, git, mail → core', () => {
    const wrong: string[] = [];
    for (const { file, imports } of sources) {
      const from = layerOf(file);
      for (const spec of imports.filter((s) => s.startsWith('.'))) {
        const to = layerOf(resolve(dirname(file), spec));
        if (to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('core does no I/O and reads no process state', () => {
    const core = sources.filter((s) => layerOf(s.file) === 'core');
    const io = core.flatMap(({ file, imports }) =>
      imports.filter((i) => IO.some((m) => i.startsWith(m))).map((i) => `${relative(SRC, file)}: ${i}`),
    );
    expect(io).toEqual([]);
    const processUse = core
      .filter(({ file }) => /\bprocess\./.test(readFileSync(file, 'utf8')))
      .map((s) => relative(SRC, s.file));
    expect(processUse).toEqual([]);
  });

  it('only cli/ reads process state or exits', () => {
    const outside = sources.filter((s) => layerOf(s.file) !== 'cli');
    const used = outside.filter(({ file }) =>
      /\bprocess\.(env|exit|argv|stdout|stderr|stdin|cwd)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(used.map((s) => relative(SRC, s.file))).toEqual([]);
  });

  // the boundary loads only the error classes at start-up, and a warm search only the text
  // helpers, not the whole model (its schema)
  const EXEMPT = new Set([
    '../core/model/errors.js',
    '../core/model/terminal.js',
    '../core/model/text.js',
    '../../core/model/terminal.js',
    '../../core/model/text.js',
  ]);

  it('each core domain is imported from outside core through its index.ts', () => {
    const deep = sources
      .filter((s) => layerOf(s.file) !== 'core')

      .flatMap(({ file, imports }) =>
        imports
          .filter((i) => !EXEMPT.has(i) && /\/core\/[a-z]+\/(?!index\.js)[\w-]+\.js$/.test(i))
          .map((i) => `${relative(SRC, file)}: ${i}`),
      );
    expect(deep).toEqual([]);
  });
});
