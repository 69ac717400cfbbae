// The bulk read path for front matter (listings, due, the index cache): our own split and
// js-yaml with a schema that reads values exactly as the `yaml` package's 1.2 core schema
// does, about 8x faster. Anything out of the ordinary (another opener, an error, a duplicate
// key, a key this reader cannot place) goes to parseFile, so problems read the same.
// Must not touch the disk or run file text.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { Locate } from '../core/model/schema/index.js';
import { parseFile, type ParsedFile } from './front-matter.js';

// The regular expressions of the YAML 1.2 core schema, as the `yaml` package resolves them:
// `0150` is decimal 150, `0b11` and `+0x1f` are text, dates stay text.
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const nul = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:~|null|Null|NULL)?$/.test(s),
  construct: () => null,
});

const bool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:true|True|TRUE|false|False|FALSE)$/.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});

const int = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => INT.test(s) || OCT.test(s) || HEX.test(s),
  construct: (s: string) => (OCT.test(s) ? parseInt(s.slice(2), 8) : HEX.test(s) ? parseInt(s, 16) : parseInt(s, 10)),
});

const float = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => FLOAT.test(s) || SPECIAL.test(s),
  construct: (s: string) => {
    if (!SPECIAL.test(s)) return parseFloat(s);
    if (/nan/i.test(s)) return NaN;
    return s.startsWith('-') ? -Infinity : Infinity;
  },
});

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nul, bool, int, float] });

/** The line of each top-level `key:` of a block mapping, as the keys parseFile would place. */
function keyLines(yaml: string, firstLine: number): Record<string, { line: number; col: number }> | undefined {
  const out: Record<string, { line: number; col: number }> = {};
  let line = firstLine;
  for (const text of yaml.split('\n')) {
    const m = /^(?:"([^"\\]*)"|'([^']*)'|([^\s#'"\-?:{}[\],&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t\r]|$)/.exec(
      text,
    );
    if (m) out[m[1] ?? m[2] ?? m[3]!] = { line, col: 1 };
    line++;
  }
  return out;
}

/**
 * Where a node is, for the schema: a top-level plain scalar is read off its line; anything
 * else (a nested node, a quoted or flow value) asks the full reader, once, only when needed.
 */
function fastLocate(text: string, file: string, yaml: string, positions: Record<string, { line: number }>): Locate {
  const lines = yaml.split('\n');
  let full: Locate | undefined;
  return (path) => {
    const at = path.length === 1 ? positions[String(path[0])] : undefined;
    const line = at ? (lines[at.line - 1] ?? '').replace(/\r$/, '') : '';
    const m = /^([A-Za-z_][\w-]*[ \t]*:[ \t]+)([^\s"'[{|>&*!#%@`][^#]*?)[ \t]*(?:[ \t]#.*)?$/.exec(line);
    if (at && m) return { line: at.line, col: m[1]!.length + 1, source: m[2] };
    full ??= parseFile(text, file).locate;
    return full(path);
  };
}

/** Splits and parses a record file like parseFile, faster; identical results are tested on every fixture. */
export function parseFileFast(text: string, file: string): ParsedFile {
  const open = text.startsWith('---\n') ? 4 : text.startsWith('---\r\n') ? 5 : 0;
  const closeAt = open ? text.indexOf('\n---', 3) : -1;
  if (closeAt < 0) return parseFile(text, file);
  // the YAML between the lines, as gray-matter hands it to the engine
  const yaml = text.slice(3, closeAt).replace(/\r$/, '');
  // anchors and aliases: the full reader, which bounds how far aliases may expand
  if (/[&*]/.test(yaml)) return parseFile(text, file);
  let data: unknown;
  try {
    data = load(yaml, { schema: SCHEMA, json: false, filename: file });
  } catch {
    return parseFile(text, file);
  }
  data ??= {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return parseFile(text, file);
  const positions = keyLines(yaml, 1);
  const keys = Object.keys(data);
  // a key this simple reader cannot place (a flow mapping, a key on a later line): the full reader
  if (!positions || keys.length !== Object.keys(positions).length || keys.some((k) => !positions[k]))
    return parseFile(text, file);
  let body = text.slice(closeAt + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  let bodyLine = 1;
  const bodyStart = text.length - body.length;
  for (let i = text.indexOf('\n'); i >= 0 && i < bodyStart; i = text.indexOf('\n', i + 1)) bodyLine++;
  const matterStart = text.indexOf('\n') + 1;
  return {
    data: data as Record<string, unknown>,
    body,
    bodyLine,
    matterStart,
    matterEnd: Math.max(matterStart, closeAt + 1),
    problems: [],
    positions,
    locate: fastLocate(text, file, yaml, positions),
  };
}
