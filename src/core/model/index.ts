// The data model: record types, ids, errors, text and e-mail helpers, the one RepoIndex,
// references between records and how a reference typed by a person is resolved.
export * from './email.js';
export * from './errors.js';
export * from './ids.js';
export * from './input.js';
export * from './listing.js';
export * from './new-records.js';
export * from './records.js';
export * from './references.js';
export * from './repo-index.js';
export * from './resolve.js';
export * from './terminal.js';
export * from './text.js';
export * from './undo.js';
export * from './types.js';
export * from './kept.js';
