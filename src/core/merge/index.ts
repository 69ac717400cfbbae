// Merging what two teammates changed: records and kith.yaml as data (values three-way, lists
// as sets, timelines by entry id), lines of text, and the values a merge keeps aside.
export * from './diff3.js';
export * from './kept.js';
export * from './record.js';
export * from './rules.js';
export * from './values.js';
export * from './duplicates.js';
export * from './tree.js';
export { countNewEntries } from './timeline.js';
