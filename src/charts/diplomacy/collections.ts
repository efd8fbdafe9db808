/** Placeholder: the content collections the diplomacy timeline reads (spread into src/content.config.ts). */
export const diplomacyCollections = {};
