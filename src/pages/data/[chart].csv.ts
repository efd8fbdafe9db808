import type { APIRoute, GetStaticPaths } from 'astro';
import { chartSections, downloadMeta } from '../../data/datasets';
import { tableCsv } from '../../data/downloads';
import { loadStory } from '../../data/story-page';

/** Each chart's table as CSV: the figures unformatted, with its sources, the date of its data and its licence. */
export const getStaticPaths: GetStaticPaths = async () => (await chartSections()).map((c) => ({ params: { chart: c.chartId } }));

export const GET: APIRoute = async ({ params, site }) => {
  const chartId = String(params['chart']);
  const { strings } = await loadStory('en');
  const found = (await chartSections()).find((c) => c.chartId === chartId);
  if (!found) throw new Error(`data/${chartId}.csv: no chart`);
  const d = strings.ui.data;
  const csv = tableCsv(found.chart.table, await downloadMeta(chartId, site), {
    provisional: d.provisionalColumn,
    sources: d.sourcesColumn,
    dataAsOf: d.asOfColumn,
    licence: d.licenceColumn,
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
