// Conversations: the timeline format, whose turn it is, promises, and how conversations
// relate to the people, orgs and deals they involve.
export * from './log.js';
export * from './promises.js';
export * from './relations.js';
export * from './timeline.js';
export * from './turn.js';
