import { defineCollection } from 'astro:content';
import { csvLoader, localesLoader, SOURCES_FILE } from './data/loaders';
import { localeStrings } from './data/locale-schema';
import { datasetRow, milestoneRow, overdoseCategoryRow, overdoseDeathRow, overdoseRowKey, quoteRow, sourceRow } from './data/schemas';
import { storyLoader } from './data/story-loader';
import { storySection } from './data/story-schema';
import { diplomacyCollections } from './charts/diplomacy/collections';
import { pipelineCollections } from './charts/pipeline/collections';
import { classroomCollections } from './data/classroom-collections';

/** The edge: every word and number enters here, validated; after this everything is typed. */
export const collections = {
  story: defineCollection({ loader: storyLoader(), schema: storySection }),
  overdoseDeaths: defineCollection({
    loader: csvLoader({
      file: 'content/data/overdose-deaths.csv',
      row: overdoseDeathRow,
      key: overdoseRowKey,
      cites: (r) => r.source_ids,
    }),
    schema: overdoseDeathRow,
  }),
  overdoseCategories: defineCollection({
    loader: csvLoader({
      file: 'content/data/overdose-categories.csv',
      row: overdoseCategoryRow,
      key: (r) => r.id,
      cites: (r) => r.source_ids,
    }),
    schema: overdoseCategoryRow,
  }),
  milestones: defineCollection({
    loader: csvLoader({ file: 'content/data/milestones.csv', row: milestoneRow, key: (r) => r.id, cites: (r) => r.source_ids }),
    schema: milestoneRow,
  }),
  datasets: defineCollection({
    loader: csvLoader({ file: 'content/data/datasets.csv', row: datasetRow, key: (r) => r.chart, cites: (r) => r.source_ids }),
    schema: datasetRow,
  }),
  quotes: defineCollection({
    loader: csvLoader({ file: 'content/data/quotes.csv', row: quoteRow, key: (r) => r.id, cites: (r) => r.source_ids }),
    schema: quoteRow,
  }),
  sources: defineCollection({
    loader: csvLoader({ file: SOURCES_FILE, row: sourceRow, key: (r) => r.source_id }),
    schema: sourceRow,
  }),
  locales: defineCollection({ loader: localesLoader(), schema: localeStrings }),
  // Each chart's own data files.
  ...pipelineCollections,
  ...diplomacyCollections,
  ...classroomCollections,
};
