import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { csvLoader } from '../../data/loaders';
import { factRow, flowRow, placeRow, precursorRow, seizureRow } from './schemas';
import { checkFlows, FACTS_FILE, FLOWS_FILE, PLACES_FILE, PRECURSORS_FILE, SEIZURES_FILE } from './validate';

/** The flows' loader: before loading, every flow's ends are checked against the places (a bad row fails the build, naming file and line). */
function flowsLoader(): Loader {
  const inner = csvLoader({ file: FLOWS_FILE, row: flowRow, key: (r) => r.id, cites: (r) => r.source_ids });
  return {
    name: 'pipeline-flows-loader',
    async load(context) {
      checkFlows(await readFile(PLACES_FILE, 'utf8'), await readFile(FLOWS_FILE, 'utf8'));
      context.watcher?.add(PLACES_FILE);
      await inner.load(context);
    },
  };
}

/** The content collections the supply-chain map reads (spread into src/content.config.ts). */
export const pipelineCollections = {
  pipelinePlaces: defineCollection({
    loader: csvLoader({ file: PLACES_FILE, row: placeRow, key: (r) => r.id, cites: (r) => r.source_ids }),
    schema: placeRow,
  }),
  pipelineFlows: defineCollection({ loader: flowsLoader(), schema: flowRow }),
  pipelineFacts: defineCollection({
    loader: csvLoader({ file: FACTS_FILE, row: factRow, key: (r) => r.id, cites: (r) => r.source_ids }),
    schema: factRow,
  }),
  pipelinePrecursors: defineCollection({
    loader: csvLoader({ file: PRECURSORS_FILE, row: precursorRow, key: (r) => r.id, cites: (r) => r.source_ids }),
    schema: precursorRow,
  }),
  pipelineSeizures: defineCollection({
    loader: csvLoader({ file: SEIZURES_FILE, row: seizureRow, key: (r) => r.fiscal_year, cites: (r) => r.source_ids }),
    schema: seizureRow,
  }),
};
