// Where the files shipped with kith live: templates/ and examples/ beside dist/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TEMPLATES_DIR = join(PACKAGE_DIR, 'templates');
export const EXAMPLES_DIR = join(PACKAGE_DIR, 'examples');
/** The kith program itself, for git to run back as the merge driver. */
export const KITH_BIN = join(PACKAGE_DIR, 'bin', 'kith');

/** This Kith's version, from its package.json. */
export const KITH_VERSION = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;

/** A file shipped in templates/, as text. */
export function template(name: string): string {
  return readFileSync(join(TEMPLATES_DIR, name), 'utf8');
}
