import { z } from 'astro/zod';

/** Placeholder: every word the diplomacy timeline draws, per locale (content/locales/<locale>.diplomacy.yaml). */
export const diplomacyStrings = z.object({ title: z.string() }).optional();
export type DiplomacyStrings = z.infer<typeof diplomacyStrings>;
