import type { Frame, ReadoutColumn } from './shared/marks';
import { SIZES, type ChartFrames, type ChartModule, type ChartPayload, type SizeName } from './types';

/** Every scene at every size, computed once at build. */
export function buildFrames<TData, TScene extends string>(chart: ChartModule<TData, TScene>, data: TData): ChartFrames {
  return Object.fromEntries(
    SIZES.map((size) => [size.name, Object.fromEntries(chart.scenes.map((scene) => [scene, chart.frame(data, scene, size)]))]),
  ) as ChartFrames;
}

/** What the browser needs beside the build-time SVGs: each scene's text alternative and the explore readouts. */
export function buildPayload<TData, TScene extends string>(
  chart: ChartModule<TData, TScene>,
  data: TData,
  frames: ChartFrames,
): ChartPayload {
  const descriptions = Object.fromEntries(chart.scenes.map((scene) => [scene, chart.describe(data, scene)]));
  const readouts = Object.fromEntries(
    SIZES.map((size) => [
      size.name,
      Object.fromEntries(
        Object.entries(frames[size.name]).flatMap(([scene, f]) =>
          f.readout ? [[scene, f.readout] as [string, readonly ReadoutColumn[]]] : [],
        ),
      ),
    ]),
  ) as Record<SizeName, Record<string, readonly ReadoutColumn[]>>;
  const entryFrames = Object.fromEntries(SIZES.map((size) => [size.name, frames[size.name][chart.entryScene]!])) as Record<SizeName, Frame>;
  return {
    chart: chart.id,
    entryScene: chart.entryScene,
    ...(chart.exploreScene ? { exploreScene: chart.exploreScene } : {}),
    entryFrames,
    descriptions,
    readouts,
  };
}

/** JSON as it goes into a page's <script type="application/json">: it cannot close its own element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
