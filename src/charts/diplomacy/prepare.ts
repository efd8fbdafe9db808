import { getCollection } from 'astro:content';
import type { LocaleStrings } from '../../data/locale-schema';
import type { PreparedChart } from '../../data/prepare-chart';
import { getSources } from '../../data/sources';
import { fill } from '../shared/format';
import { buildFrames, buildPayload } from '../payload';
import { checkScenes, diplomacyData } from './data';
import { diplomacy } from './index';
import { SCENES } from './scenes';
import { detailsFromTable, diplomacyTable, exploreItems } from './table';

/**
 * The diplomacy timeline's build-time preparation: every verified milestone and the final death counts
 * of "The toll", checked against the scenes (a scene naming an unknown event fails the build), drawn in
 * every scene at every size; the table of every event, the events' sources, and the events to explore.
 */
export async function prepareDiplomacy(strings: LocaleStrings, title: string): Promise<PreparedChart> {
  const milestones = (await getCollection('milestones')).map((e) => e.data);
  const deathRows = (await getCollection('overdoseDeaths')).map((e) => e.data);
  const words = strings.charts.diplomacy;
  const data = diplomacyData(milestones, deathRows, words, strings.locale);
  checkScenes(SCENES, data.events);
  const frames = buildFrames(diplomacy, data);
  return {
    frames,
    payload: buildPayload(diplomacy, data, frames),
    table: diplomacyTable(data, fill(strings.ui.dataTableCaption, { title })),
    // The events' sources. The deaths line is the series of "The toll", whose sources are listed there (the
    // figure's note says so): listing them twice would add some 2 KB to the page for nothing new.
    sources: await getSources(data.events.flatMap((e) => e.sourceIds)),
    // The story's page holds the table: there, a picked event's facts are read from its row (the same words).
    explore: { kind: 'items', label: words.exploreLabel, items: exploreItems(data), fromTable: detailsFromTable(words) },
  };
}
