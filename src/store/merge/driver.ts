// The merge driver's files: git hands over three temporary files and the path; the merge is
// written into "ours". What cannot be merged gets conflict markers, never a silent side.
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeWithMarkers, type Kept } from '../../core/merge/index.js';
import { KithError, quotePath } from '../../core/model/index.js';
import { mergeFile } from './file.js';

export interface DriverFiles {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
  readonly path: string;
}

export function mergeDriverFiles(files: DriverFiles): { kept: readonly Kept[] } {
  const [base, ours, theirs] = [files.base, files.ours, files.theirs].map((f) => readFileSync(f, 'utf8')) as [
    string,
    string,
    string,
  ];
  // both sides added the file: git's base is an empty file, and no record is empty
  const r = mergeFile(files.path, base === '' ? undefined : base, ours, theirs);
  if (r.ok) {
    writeFileSync(files.ours, r.text);
    return { kept: r.kept };
  }
  writeFileSync(files.ours, mergeWithMarkers(base, ours, theirs, ['ours', 'base', 'theirs']));
  throw new KithError(
    `${quotePath(files.path)}: cannot merge automatically: ${r.reason}`,
    `edit the file to what it should say, \`git add ${quotePath(files.path)}\`, and finish the merge`,
  );
}
