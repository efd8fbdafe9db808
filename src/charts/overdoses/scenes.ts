import type { CategoryId } from '../../data/schemas';

/** A point to call out on a series: where a wave starts, its peak, its last figure, or a given year. */
export interface Callout {
  readonly series: CategoryId;
  readonly at: 'wave-start' | 'peak' | 'last' | number;
  /** Which side of the point the label sits on. */
  readonly side: 'left' | 'right' | 'above';
}

/** What one scene encodes. Scenes change state (domain, emphasis, notes), never the chart's structure. */
export interface SceneSpec {
  /** Series drawn, in drawing order. */
  readonly series: readonly CategoryId[];
  /** Series in full colour; the others are muted. Empty: all in full colour. */
  readonly highlight: readonly CategoryId[];
  /** The y-axis fits the largest value of these series. */
  readonly fit: readonly CategoryId[];
  /** Waves whose start is marked on its series. */
  readonly waves: readonly number[];
  readonly callouts: readonly Callout[];
  /** Mark the milestones that content/data/milestones.csv shows on this chart. */
  readonly milestones: boolean;
  /** Offer the reader toggles and exact values. */
  readonly explore: boolean;
  /** Years the x axis spans, first and last (default: every year of the data): a scene can zoom in on a period. */
  readonly years?: readonly [number, number];
}

/** The recent period, where the milestones and the fall are: the x axis zooms in to it. */
const RECENT = [2015, 2024] as const;

const OPIOIDS: readonly CategoryId[] = ['prescription_opioids_incl_methadone', 'heroin', 'synthetic_opioids'];
const base = { highlight: [], waves: [], callouts: [], milestones: false, explore: false } as const;

export const SCENES = {
  /** Before the first step: axes only, so the total line can draw in. */
  axes: { ...base, series: [], fit: ['total'] },
  total: { ...base, series: ['total'], fit: ['total'] },
  'wave-prescription': {
    ...base,
    series: OPIOIDS,
    highlight: ['prescription_opioids_incl_methadone'],
    fit: ['prescription_opioids_incl_methadone', 'heroin'],
    waves: [1],
  },
  'wave-heroin': { ...base, series: OPIOIDS, highlight: ['heroin'], fit: ['prescription_opioids_incl_methadone', 'heroin'], waves: [1, 2] },
  'wave-synthetic': { ...base, series: OPIOIDS, highlight: ['synthetic_opioids'], fit: OPIOIDS, waves: [1, 2, 3] },
  surge: {
    ...base,
    series: OPIOIDS,
    highlight: ['synthetic_opioids'],
    fit: OPIOIDS,
    callouts: [
      { series: 'synthetic_opioids', at: 'wave-start', side: 'above' },
      { series: 'synthetic_opioids', at: 'peak', side: 'left' },
    ],
  },
  policy: { ...base, series: ['total', 'synthetic_opioids'], fit: ['total'], milestones: true, years: RECENT },
  decline: {
    ...base,
    series: ['total', 'synthetic_opioids'],
    fit: ['total'],
    years: RECENT,
    callouts: [
      { series: 'total', at: 'peak', side: 'left' },
      { series: 'total', at: 'last', side: 'left' },
      { series: 'synthetic_opioids', at: 'last', side: 'left' },
    ],
  },
  /** The last provisional count, and how early counts differ from final ones. */
  provisional: {
    ...base,
    series: ['total', 'synthetic_opioids'],
    highlight: ['synthetic_opioids'],
    fit: ['total'],
    years: RECENT,
    callouts: [{ series: 'synthetic_opioids', at: 'last', side: 'left' }],
  },
  explore: {
    ...base,
    series: ['total', ...OPIOIDS, 'cocaine', 'psychostimulants'],
    fit: ['total'],
    explore: true,
  },
} as const satisfies Record<string, SceneSpec>;

export type OverdoseScene = keyof typeof SCENES;
export const OVERDOSE_SCENES = Object.keys(SCENES) as OverdoseScene[];
