import type { APIRoute, GetStaticPaths } from 'astro';
import { framesFile } from '../../charts/frames-file';
import { SIZES, type SizeName } from '../../charts/types';
import type { PreparedChart } from '../../data/prepare-chart';
import { loadStory } from '../../data/story-page';

interface Props {
  chart: PreparedChart;
  size: SizeName;
}

/** /frames/<chart>.<size>.svg: every scene of a chart at one size (src/charts/frames-file.ts). */
export const getStaticPaths: GetStaticPaths = async () => {
  const { charts } = await loadStory('en');
  return [...charts.values()].flatMap((chart) =>
    SIZES.map((size) => ({ params: { name: `${chart.payload.chart}.${size.name}` }, props: { chart, size: size.name } satisfies Props })),
  );
};

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(framesFile(props.chart.payload.chart, props.chart.frames, props.size), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
