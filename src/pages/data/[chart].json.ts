import type { APIRoute, GetStaticPaths } from 'astro';
import { chartSections, downloadMeta } from '../../data/datasets';
import { tableJson } from '../../data/downloads';

/** Each chart's table as JSON, with its sources, the date of its data, when it was checked and its licence. */
export const getStaticPaths: GetStaticPaths = async () => (await chartSections()).map((c) => ({ params: { chart: c.chartId } }));

export const GET: APIRoute = async ({ params, site }) => {
  const chartId = String(params['chart']);
  const found = (await chartSections()).find((c) => c.chartId === chartId);
  if (!found) throw new Error(`data/${chartId}.json: no chart`);
  const body = tableJson(found.chart.table, await downloadMeta(chartId, site));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
