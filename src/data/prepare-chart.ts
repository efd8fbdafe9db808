import { overdoses } from '../charts/overdoses';
import { overdoseTable } from '../charts/overdoses/table';
import { buildFrames, buildPayload } from '../charts/payload';
import type { ChartId } from '../charts/registry';
import { fill } from '../charts/shared/format';
import type { TableModel } from '../charts/shared/table';
import type { ChartFrames, ChartPayload } from '../charts/types';
import type { LocaleStrings } from './locale-schema';
import { loadOverdoseChart } from './overdoses';
import type { SourceRow } from './schemas';

/** What a page needs to show one chart: frames for the browser, the table, the sources, the explore controls. */
export interface PreparedChart {
  /** Every scene at every size: the build draws its SVGs from these. */
  readonly frames: ChartFrames;
  /** What the browser gets beside those SVGs. */
  readonly payload: ChartPayload;
  readonly table: TableModel;
  readonly sources: readonly SourceRow[];
  readonly groups: readonly { readonly id: string; readonly label: string }[];
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
      groups: data.series.map((s) => ({ id: s.id, label: s.shortLabel })),
    };
  },
};

export const prepareChart = (id: ChartId, strings: LocaleStrings, title: string): Promise<PreparedChart> => preparers[id](strings, title);
