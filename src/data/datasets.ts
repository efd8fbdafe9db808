import { getCollection } from 'astro:content';
import { storyUrl } from '../embed/urls';
import type { DownloadMeta } from './downloads';
import type { DatasetRow } from './schemas';
import { loadStory } from './story-page';

/** Each chart's row of content/data/datasets.csv: when its data dates from and when it was last checked. */
export async function getDatasets(): Promise<ReadonlyMap<string, DatasetRow>> {
  return new Map((await getCollection('datasets')).map((e) => [e.data.chart, e.data]));
}

/** Every section that draws a chart, in reading order, with its chart's dataset row (the build fails without one). */
export async function chartSections(locale = 'en') {
  const story = await loadStory(locale);
  const datasets = await getDatasets();
  return story.sections.flatMap((section) => {
    const chart = story.charts.get(section.id);
    if (!section.chart || !section.figure || !chart) return [];
    const dataset = datasets.get(section.chart);
    if (!dataset) throw new Error(`content/data/datasets.csv: no row for chart "${section.chart}" (section ${section.id}).`);
    return [{ section, figure: section.figure, chartId: section.chart, chart, dataset, sources: story.sources.get(section.id) ?? [] }];
  });
}

/** What a chart's downloads state: its sources (the chart's own), the date of its data, the licence. */
export async function downloadMeta(chartId: string, site: URL | undefined, locale = 'en'): Promise<DownloadMeta> {
  const { strings } = await loadStory(locale);
  const found = (await chartSections(locale)).find((c) => c.chartId === chartId);
  if (!found) throw new Error(`No section draws chart "${chartId}".`);
  return {
    chart: chartId,
    title: found.figure.title,
    story: storyUrl(site ?? 'http://localhost:4321', found.section.id),
    dataAsOf: found.dataset.as_of,
    checked: found.dataset.checked,
    licence: strings.ui.data.licence,
    notes: found.dataset.notes,
    sources: found.chart.sources,
  };
}

/** Where a chart's downloads live, under the site's base path. */
export const downloadPaths = (chartId: string) => ({
  csv: `${import.meta.env.BASE_URL}data/${chartId}.csv`,
  json: `${import.meta.env.BASE_URL}data/${chartId}.json`,
});
