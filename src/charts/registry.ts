import { DIPLOMACY_SCENES } from './diplomacy/scenes';
import { OVERDOSE_SCENES } from './overdoses/scenes';
import { PIPELINE_SCENES } from './pipeline/scenes';

/**
 * The only place chart names map to code. The content schema reads `CHART_SCENES` to reject a step
 * whose scene its chart does not have; pages import the chart modules themselves (build time only).
 */
export const CHART_SCENES = {
  overdoses: OVERDOSE_SCENES,
  pipeline: PIPELINE_SCENES,
  diplomacy: DIPLOMACY_SCENES,
} as const satisfies Record<string, readonly string[]>;

export type ChartId = keyof typeof CHART_SCENES;
export const CHART_IDS = Object.keys(CHART_SCENES) as [ChartId, ...ChartId[]];

export function isChartId(id: string): id is ChartId {
  return Object.hasOwn(CHART_SCENES, id);
}
