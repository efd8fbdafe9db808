import { overdoses } from '../charts/overdoses';
import { overdoseTable } from '../charts/overdoses/table';
import { buildFrames, buildPayload } from '../charts/payload';
import type { ChartId } from '../charts/registry';
import { fill } from '../charts/shared/format';
import type { TableDetails, TableModel } from '../charts/shared/table';
import type { ChartFrames, ChartPayload } from '../charts/types';
import type { LocaleStrings } from './locale-schema';
import { loadOverdoseChart } from './overdoses';
import { prepareDiplomacy } from '../charts/diplomacy/prepare';
import { preparePipeline } from '../charts/pipeline/prepare';
import type { SourceRow } from './schemas';

/**
 * What the explore step's card offers: a toggle per series and a year slider (a chart over time), or a
 * list of items (stages, places, events) to pick, each with its facts and sources, shown when picked; the
 * chart marks the picked item's marks (their `group` is its id). An item's facts are written into the page
 * as HTML, or, where the chart's data table already holds them row by row (`fromTable`), read from the
 * item's row in the browser, so the page does not carry the same words twice.
 */
export type ExploreSpec =
  | { readonly kind: 'series'; readonly groups: readonly { readonly id: string; readonly label: string }[] }
  | {
      readonly kind: 'items';
      /** Names the list for screen readers ("Stages of the supply chain"). */
      readonly label: string;
      /** `details`: the item's facts as HTML, for a page without the table (an embed) or a chart without `fromTable`. */
      readonly items: readonly { readonly id: string; readonly label: string; readonly details: string }[];
      readonly fromTable?: TableDetails;
    };

/** What a page needs to show one chart: frames for the browser, the table, the sources, the explore controls. */
export interface PreparedChart {
  /** Every scene at every size: the build draws its SVGs from these. */
  readonly frames: ChartFrames;
  /** What the browser gets beside those SVGs. */
  readonly payload: ChartPayload;
  readonly table: TableModel;
  readonly sources: readonly SourceRow[];
  readonly explore?: ExploreSpec;
  /**
   * SVG shared by all of the chart's SVGs on the page (a map's land, say), written once into the page;
   * marks refer to it with `<use href="#…">`. Markup for inside a `<defs>`.
   */
  readonly defs?: string;
}

const preparers: Record<ChartId, (strings: LocaleStrings, title: string) => Promise<PreparedChart>> = {
  async overdoses(strings, title) {
    const { data, sources } = await loadOverdoseChart(strings);
    const { ui } = strings;
    const frames = buildFrames(overdoses, data);
    return {
      frames,
      payload: buildPayload(overdoses, data, frames),
      table: overdoseTable(data, {
        caption: fill(ui.dataTableCaption, { title }),
        year: ui.year,
        noFigure: ui.noFigure,
        provisionalFootnote: ui.provisionalFootnote,
      }),
      sources,
      explore: { kind: 'series', groups: data.series.map((s) => ({ id: s.id, label: s.shortLabel })) },
    };
  },
  pipeline: preparePipeline,
  diplomacy: prepareDiplomacy,
};

export const prepareChart = (id: ChartId, strings: LocaleStrings, title: string): Promise<PreparedChart> => preparers[id](strings, title);
