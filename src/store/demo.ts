// The demo's copy of the example team: examples/ copied into a folder with every date moved
// by a number of days, so that its story happens around today.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KithError, type IsoDate } from '../core/model/index.js';
import { shiftDates } from '../core/time/index.js';
import { EXAMPLES_DIR, TEMPLATES_DIR } from './package-files.js';

function textFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel)).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    if (name === '.git') return [];
    return statSync(join(root, path)).isDirectory() ? textFiles(root, path) : [path];
  });
}

/** The day the example team's story is written for. */
export function exampleAnchor(): IsoDate {
  if (!existsSync(join(EXAMPLES_DIR, 'kith.yaml')))
    throw new KithError(`the example repository is missing (${EXAMPLES_DIR})`);
  return (parse(readFileSync(join(EXAMPLES_DIR, '.kith-demo.yaml'), 'utf8')) as { anchor: IsoDate }).anchor;
}

/** Copies the example team into `dir` (a new temporary folder without one), dates moved by `shift` days. */
export function copyExamples(shift: number, dir?: string): string {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'kith-demo-'));
  cpSync(EXAMPLES_DIR, root, { recursive: true });
  // npm leaves dotfiles such as .gitignore out of packages: make sure the copy has them
  for (const [name, template] of [
    ['.gitignore', 'gitignore'],
    ['.gitattributes', 'gitattributes'],
  ] as const) {
    if (!existsSync(join(root, name))) cpSync(join(TEMPLATES_DIR, template), join(root, name));
  }
  const files = textFiles(root).filter((p) => p.endsWith('.md') || p.endsWith('.yaml'));
  // dates in words are read as told on the story's day, so "our board on 24 November" moves too
  const anchor = exampleAnchor();
  for (const path of files) {
    writeFileSync(join(root, path), shiftDates(readFileSync(join(root, path), 'utf8'), shift, anchor));
  }
  return root;
}
