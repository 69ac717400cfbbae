// Who people are: the user's own identity on the team.
export * from './identity.js';
export * from './membership.js';
