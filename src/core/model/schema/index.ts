// One schema for every file Kith reads: records of each kind, kith.yaml, the personal
// config and the files under .kith/. valibot: small, tree-shaken and typed.
export * from './records.js';
export * from './settings.js';
export * from './state.js';
export * from './validate.js';
export * from './values.js';
