// The pipeline: money and periods, a deal's stages, the pipeline report and referral influence.
export * from './influence.js';
export * from './money.js';
export * from './period.js';
export * from './pipeline.js';
export * from './stages.js';
