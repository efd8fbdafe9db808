import { fill, formatCount } from '../shared/format';
import type { PipelineData } from './data';
import type { StageId } from './schemas';

/** The stages a reader can pick on the map, in the order of the route: each has marks on the explore scene. */
export const EXPLORE_STAGES: readonly StageId[] = ['chemicals', 'shipping', 'labs', 'crossing', 'streets', 'money'];

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What a picked stage shows in the explore card: its one or two key facts (marked `explore` in
 * pipeline-facts.csv), each with its source ids. Short, so the card fits under the map on a phone.
 */
export function stageDetails(data: PipelineData, stage: StageId): string {
  const facts: { text: string; sources: readonly string[] }[] = data.facts
    .filter((f) => f.stage === stage && f.explore === 'yes')
    .map((f) => ({ text: f.text, sources: f.source_ids }));
  if (stage === 'streets') {
    facts.unshift({
      text: fill(data.strings.deathsFact, { deaths: formatCount(data.deaths.value, data.locale), year: data.deaths.year }),
      sources: data.deaths.sourceIds,
    });
  }
  return facts
    .map(
      (f) =>
        `<p>${escape(f.text)} <span class="explore__sources">${escape(fill(data.strings.sourcesLine, { sources: f.sources.join(', ') }))}</span></p>`,
    )
    .join('');
}

export function exploreItems(data: PipelineData): { id: string; label: string; details: string }[] {
  return EXPLORE_STAGES.map((stage) => ({ id: stage, label: data.strings.stages[stage], details: stageDetails(data, stage) }));
}
