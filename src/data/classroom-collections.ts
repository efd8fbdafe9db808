import { defineCollection } from 'astro:content';
import { claimEntry, claimsLoader } from './claims';
import { classroomLoader, classroomPage } from './classroom';

/**
 * The teachers' pages' collections, spread into `collections` of src/content.config.ts:
 * - `claims`: content/data/claims.csv ("The reports, checked"), every row validated, its sources resolved;
 * - `classroom`: content/classroom/*.md (the teacher's page and the words of /checked/).
 * References to the story (steps, sections) and to the glossary are checked when the pages are built,
 * against the story that is built (src/data/classroom-page.ts).
 */
export const classroomCollections = {
  claims: defineCollection({ loader: claimsLoader(), schema: claimEntry }),
  classroom: defineCollection({ loader: classroomLoader(), schema: classroomPage }),
};
