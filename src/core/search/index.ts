// Search: the words of records, and how hits are ranked.
export * from './rank.js';
export * from './terms.js';
