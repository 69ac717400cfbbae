// Where a YAML node sits in its file: a path of keys and indexes to file:line:col and the
// scalar's text as written. The offsets of a front matter are shifted by where it starts.
import { isCollection, isNode, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Locate, NodeInfo, NodePath } from '../core/model/schema/index.js';

/** 1-based line and column of each offset of `text`. */
export function lineColumns(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** A Locate over a parsed document whose text starts at `base` in a file of text `fileText`. */
export function locator(doc: Document.Parsed, fileText: string, base = 0): Locate {
  const at = lineColumns(fileText);
  return (path: NodePath): NodeInfo | undefined => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const step of path) {
      if (!isCollection(node)) return undefined;
      const items = node.items as unknown[];
      const item =
        typeof step === 'number' && !isPair(items[0])
          ? items[step]
          : items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (item === undefined) return undefined;
      if (isPair(item)) {
        keyNode = isNode(item.key) ? item.key : undefined;
        node = item.value;
      } else {
        keyNode = undefined;
        node = item;
      }
    }
    const target = isNode(node) && node.range ? node : keyNode;
    if (!target?.range) return undefined;
    const { line, col } = at(base + target.range[0]);
    return { line, col, source: isScalar(target) && target === node ? target.source : undefined };
  };
}
