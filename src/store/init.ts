// A new data repository's files: kith.yaml from the template, README, git files and the
// empty record folders. Pure over the templates; writing them is the command's change.
import { inlineYaml } from './settings.js';
import { KIND_DIRS, SETTINGS_FILE } from './layout.js';
import { template } from './package-files.js';
import type { Member } from '../core/model/index.js';

export interface NewRepository {
  readonly name: string;
  readonly domains: readonly string[];
  readonly member: Member;
  readonly currency: string;
}

export function newRepositoryFiles(r: NewRepository): Map<string, string> {
  const settings = template('kith.yaml')
    .replace('{{name}}', inlineYaml(r.name))
    .replace('{{domains}}', inlineYaml(r.domains))
    .replace('{{members}}', `  - ${inlineYaml(r.member)}`)
    .replace('{{currency}}', inlineYaml(r.currency));
  const files = new Map<string, string>([
    [SETTINGS_FILE, settings],
    ['README.md', template('README.md').replaceAll('{{team}}', r.name)],
    ['.gitignore', template('gitignore')],
    ['.gitattributes', template('gitattributes')],
  ]);
  // git keeps no empty folders: a .gitkeep makes the layout visible from the first commit
  for (const dir of Object.values(KIND_DIRS)) files.set(`${dir}/.gitkeep`, '');
  return files;
}
