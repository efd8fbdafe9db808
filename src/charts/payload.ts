import type { Frame } from './shared/marks';
import { SIZES, type ChartModule, type ChartPayload, type SizeName } from './types';

/** Every scene at every size, computed once at build: the browser receives frames, not code to make them. */
export function buildPayload<TData, TScene extends string>(chart: ChartModule<TData, TScene>, data: TData): ChartPayload {
  const frames = Object.fromEntries(
    SIZES.map((size) => [size.name, Object.fromEntries(chart.scenes.map((scene) => [scene, chart.frame(data, scene, size)]))]),
  ) as Record<SizeName, Record<string, Frame>>;
  const descriptions = Object.fromEntries(chart.scenes.map((scene) => [scene, chart.describe(data, scene)]));
  return { chart: chart.id, entryScene: chart.entryScene, frames, descriptions };
}

/** JSON as it goes into a page's <script type="application/json">: it cannot close its own element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
