import { getCollection } from 'astro:content';
import type { LocaleStrings } from '../../data/locale-schema';
import type { PreparedChart } from '../../data/prepare-chart';
import { getSources } from '../../data/sources';
import { buildFrames, buildPayload } from '../payload';
import { fill } from '../shared/format';
import { SIZES } from '../types';
import { pipelineData, type Deaths, type PipelineRows } from './data';
import { exploreItems } from './details';
import { allViews } from './frame';
import { buildLand, readWorld } from './geo';
import { pipeline } from './index';
import { arrowMarkers } from './routes';
import { FLOW_KINDS } from './schemas';
import { pipelineTable } from './table';

/**
 * The deaths "The toll" counts that the map repeats: the peak of deaths involving synthetic opioids, a final
 * count, from the same file and rows.
 */
async function syntheticPeak(): Promise<Deaths> {
  const rows = (await getCollection('overdoseDeaths')).map((e) => e.data).filter((r) => r.status === 'final');
  let best: Deaths | undefined;
  for (const r of rows) {
    const v = r.synthetic_opioids;
    if (v !== undefined && (!best || v > best.value)) best = { value: v, year: r.year, sourceIds: r.source_ids };
  }
  if (!best) throw new Error('content/data/overdose-deaths.csv has no final count of deaths involving synthetic opioids.');
  return best;
}

/** The supply-chain map's build-time preparation: the land, every scene at every size, the table, the sources, the stages to pick. */
export async function preparePipeline(strings: LocaleStrings, title: string): Promise<PreparedChart> {
  const words = strings.charts.pipeline;
  const rows: PipelineRows = {
    places: (await getCollection('pipelinePlaces')).map((e) => e.data),
    flows: (await getCollection('pipelineFlows')).map((e) => e.data),
    facts: (await getCollection('pipelineFacts')).map((e) => e.data),
    precursors: (await getCollection('pipelinePrecursors')).map((e) => e.data),
    seizures: (await getCollection('pipelineSeizures')).map((e) => e.data),
  };
  const land = buildLand(readWorld(), allViews(SIZES));
  const deaths = await syntheticPeak();
  const data = pipelineData(rows, land, deaths, words, strings.locale);
  const frames = buildFrames(pipeline, data);
  const cited = [rows.places, rows.flows, rows.facts, rows.precursors, rows.seizures].flatMap(
    (list: readonly { source_ids: readonly string[] }[]) => list.flatMap((r) => r.source_ids),
  );
  cited.push(...deaths.sourceIds);
  return {
    frames,
    payload: buildPayload(pipeline, data, frames),
    table: pipelineTable(data, fill(strings.ui.dataTableCaption, { title })),
    sources: await getSources(cited),
    explore: { kind: 'items', label: words.exploreLabel, items: exploreItems(data) },
    defs: land.defs + arrowMarkers(FLOW_KINDS),
  };
}
