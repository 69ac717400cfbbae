// Mail: threading messages into conversations, trimming replies, plain text from HTML, and
// the import planner that decides what is filed where.
export * from './filing.js';
export * from './html.js';
export * from './threading.js';
export * from './trim.js';
export * from './types.js';
