/** Placeholder: the content collections the supply-chain map reads (spread into src/content.config.ts). */
export const pipelineCollections = {};
