/**
 * The diplomacy timeline has no collections of its own: it reads the events (content/data/milestones.csv,
 * shared with "The toll", which marks a few of them), the quotes and the death counts, all defined in
 * src/content.config.ts.
 */
export const diplomacyCollections = {};
