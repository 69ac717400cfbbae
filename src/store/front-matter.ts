// Front matter: split a record file and parse its YAML safely (gray-matter with the yaml
// package as its only engine). Must not touch the disk or run file text.
import matter from 'gray-matter';
import { isMap, parseDocument, type Document, type Scalar } from 'yaml';
import type { Problem } from '../core/model/index.js';
import type { Locate } from '../core/model/schema/index.js';
import { flowStart, mergeConflict } from './yaml-errors.js';
import { locator } from './yaml-locate.js';

export interface ParsedFile {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the body's first line. */
  readonly bodyLine: number;
  /** Offsets of the YAML text inside the file, for in-place edits. */
  readonly matterStart: number;
  readonly matterEnd: number;
  readonly problems: readonly Problem[];
  /** File line and column of each top-level key, for messages that point at a field. */
  readonly positions: Readonly<Record<string, { line: number; col: number }>>;
  /** Where any node of the front matter is: file line, column and text as written. */
  readonly locate: Locate;
}

export const YAML_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: true } as const;

class RefusedLanguage extends Error {
  constructor(readonly language: string) {
    super(`front matter in "${language}" is not allowed: only YAML is read, other languages are never run`);
  }
}

function refuse(language: string) {
  return {
    parse: () => {
      throw new RefusedLanguage(language);
    },
    stringify: () => {
      throw new RefusedLanguage(language);
    },
  };
}

// Passing options turns gray-matter's global cache off; `javascript` covers js, JS and
// javascript in any case, since gray-matter maps those aliases onto that one key.
function grayMatterOptions(onDocument: (doc: Document.Parsed) => void) {
  return {
    language: 'yaml',
    engines: {
      yaml: {
        parse: (text: string) => {
          // gray-matter cuts at "\n---", leaving the "\r" of a CRLF file behind
          const doc = parseDocument(text.replace(/\r$/, ''), YAML_OPTIONS);
          onDocument(doc);
          return doc.errors.length ? {} : (doc.toJS({ maxAliasCount: 100 }) ?? {});
        },
        stringify: () => {
          throw new Error('front matter is written by kith, not gray-matter');
        },
      },
      javascript: refuse('javascript'),
      js: refuse('js'),
      coffee: refuse('coffee'),
      json: refuse('json'),
      toml: refuse('toml'),
    },
  } as unknown as Parameters<typeof matter>[1];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function problem(file: string, line: number, col: number, message: string, hint?: string): Problem {
  return { file, line, col, message, hint, severity: 'error' };
}

function keyPositions(doc: Document.Parsed, text: string): Record<string, { line: number; col: number }> {
  const out: Record<string, { line: number; col: number }> = {};
  if (!isMap(doc.contents)) return out;
  // offsets are relative to the YAML text, which starts 3 + language characters in (the "\r"
  // of a CRLF opener belongs to the YAML text)
  const eol = text.indexOf('\n');
  const base = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  for (const pair of doc.contents.items) {
    const key = pair.key as Scalar | null;
    if (!key?.range) continue;
    const offset = base + key.range[0];
    for (; pos < offset; pos++)
      if (text.charCodeAt(pos) === 10) {
        line++;
        lineStart = pos + 1;
      }
    out[String(key.value)] = { line, col: offset - lineStart + 1 };
  }
  return out;
}

/** Splits and parses a record file. Problems are returned, never thrown. */
export function parseFile(text: string, file: string): ParsedFile {
  const empty = (problems: Problem[]): ParsedFile => ({
    data: {},
    body: text,
    bodyLine: 1,
    matterStart: 0,
    matterEnd: 0,
    problems,
    positions: {},
    locate: () => undefined,
  });
  const conflict = mergeConflict(text, file);
  if (conflict) return empty([conflict]);
  if (!/^---[^\n-]*\r?\n/.test(text)) {
    return empty([
      problem(
        file,
        1,
        1,
        'no front matter: a record starts with a line "---", its YAML fields, then "---"',
        'see README.md in the repository for an example record',
      ),
    ]);
  }
  // the word after "---" names a language: only YAML (or none) is read; gray-matter would look
  // any other up as a key of its engines, where "constructor" or "toString" are built-in methods
  const language = /^---([^\n]*)/.exec(text)![1]!.trim();
  if (language && language.toLowerCase() !== 'yaml')
    return empty([
      problem(file, 1, 1, new RefusedLanguage(language).message, 'start the file with a plain "---" line'),
    ]);
  let doc: Document.Parsed | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(
      text,
      grayMatterOptions((d) => {
        doc = d;
      }) as never,
    );
  } catch (err) {
    const message =
      err instanceof RefusedLanguage ? err.message : `front matter could not be read: ${(err as Error).message}`;
    return empty([problem(file, 1, 1, message, 'start the file with a plain "---" line followed by YAML')]);
  }
  const matterStart = text.indexOf('\n') + 1;
  const closeAt = text.indexOf('\n---', matterStart - 1);
  if (closeAt < 0) {
    return empty([problem(file, 1, 1, 'front matter is never closed: add a line "---" after the last field')]);
  }
  const matterEnd = Math.max(matterStart, closeAt + 1);
  const content = parsed.content;
  const bodyLine = lineAt(text, text.length - content.length);
  const problems: Problem[] = [];
  const d = doc as Document.Parsed | undefined;
  if (d) {
    for (const e of d.errors) {
      // gray-matter hands over the YAML with the rest of the "---" line in front of it,
      // so YAML line numbers are already file line numbers
      const flow = flowStart(text, e);
      const pos = flow ?? e.linePos?.[0];
      const message = flow
        ? flow.message
        : e.code === 'DUPLICATE_KEY'
          ? 'duplicate key: each key may appear once in a record'
          : (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      problems.push(problem(file, pos?.line ?? 1, pos?.col ?? 1, message));
    }
    if (!problems.length && d.contents !== null && !isMap(d.contents)) {
      problems.push(problem(file, 2, 1, 'front matter must be a mapping of "key: value" lines'));
    }
  }
  const data = problems.length ? {} : ((parsed.data as Record<string, unknown>) ?? {});
  // gray-matter hands over the YAML from the end of the opening line's language, its \r included
  const locate = d ? locator(d, text, text.search(/\r?\n/)) : () => undefined;
  return {
    data,
    body: content,
    bodyLine,
    matterStart,
    matterEnd,
    problems,
    positions: d ? keyPositions(d, text) : {},
    locate,
  };
}
