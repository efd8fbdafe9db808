/**
 * The diplomacy timeline's scenes, as data: for each, the months the time axis spans (per size where a
 * phone needs a narrower window) and the events it emphasises, by their ids in content/data/milestones.csv.
 * A scene naming an event that file does not have, or one outside its window, fails the build
 * (checkScenes in data.ts). Scenes change state (window, emphasis), never the chart's structure.
 */

/** First and last month shown, inclusive: `YYYY-MM`. */
export type MonthWindow = readonly [first: string, last: string];

export interface SceneSpec {
  /** The time window at every size, and a narrower one for phones where the emphasised events need the room. */
  readonly window: { readonly all: MonthWindow; readonly compact?: MonthWindow };
  /** Events drawn large, with their date and short label and a rule down to the axis. Others in the window are muted. */
  readonly emphasis: readonly string[];
  /** Whether anything is drawn on the axis (the entry scene shows the bare axis, so the deaths line and the events can come in). */
  readonly events: boolean;
  /** The reader picks events (every event in full colour, none muted). */
  readonly explore: boolean;
}

/** The whole story, 2015 to the Supreme Court's ruling of February 2026. */
const DECADE = { all: ['2015-01', '2026-06'] } as const;
const TRUMP_YEARS = { all: ['2018-07', '2020-02'] } as const;
const SUMMIT_TO_BEIJING = { all: ['2023-05', '2024-04'] } as const;
const YEAR_2024 = { all: ['2024-01', '2024-12'] } as const;
const TARIFF_YEAR = { all: ['2024-11', '2026-04'] } as const;

const base = { events: true, explore: false } as const;

export const SCENES = {
  /** Before the first step: the bare time axis, so the deaths line can draw itself in and the events fade in. */
  start: { ...base, window: DECADE, emphasis: [], events: false },
  hangzhou: {
    ...base,
    window: { all: ['2015-07', '2018-03'] },
    emphasis: ['china-116-substances', 'hangzhou-agreement', 'china-carfentanil'],
  },
  // The Trump years, the dinner to the Xingtai sentences. On a phone the window is tighter, so the three labels leave room for the deaths line's name.
  'class-wide': {
    ...base,
    window: { all: TRUMP_YEARS.all, compact: ['2018-09', '2020-01'] },
    emphasis: ['buenos-aires-dinner', 'class-wide-scheduling', 'xingtai-sentences'],
  },
  suspension: { ...base, window: { all: ['2020-01', '2023-03'] }, emphasis: ['cooperation-suspended'] },
  woodside: { ...base, window: SUMMIT_TO_BEIJING, emphasis: ['woodside-summit', 'entity-list-removal'] },
  yellen: { ...base, window: SUMMIT_TO_BEIJING, emphasis: ['treasury-strike-force', 'yellen-mexico-city'] },
  'working-group': { ...base, window: SUMMIT_TO_BEIJING, emphasis: ['working-group-launch'] },
  'follow-up': { ...base, window: YEAR_2024, emphasis: ['washington-meeting', 'china-4-ap-controls'] },
  // On a phone the window starts later, so both labels fit beside their rules in one row.
  deal: { ...base, window: { all: TARIFF_YEAR.all, compact: ['2024-12', '2026-04'] }, emphasis: ['busan-meeting', 'export-licences'] },
  // The window runs past the ruling, so its dot keeps clear of the deaths axis's label at the right edge.
  court: { ...base, window: { all: ['2024-11', '2026-06'] }, emphasis: ['supreme-court-ruling'] },
  explore: { ...base, window: DECADE, emphasis: [], explore: true },
} as const satisfies Record<string, SceneSpec>;

export type DiplomacyScene = keyof typeof SCENES;
export const DIPLOMACY_SCENES = Object.keys(SCENES) as DiplomacyScene[];
