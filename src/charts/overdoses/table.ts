import { formatCount } from '../shared/format';
import type { TableModel } from '../shared/table';
import type { OverdoseData } from './data';

export interface TableWords {
  readonly caption: string;
  readonly year: string;
  readonly noFigure: string;
  readonly provisionalFootnote: string;
}

/** Every figure the chart can draw, by year and category; provisional counts flagged, gaps left empty. */
export function overdoseTable(data: OverdoseData, words: TableWords): TableModel {
  const rows = [];
  for (let year = data.firstYear; year <= data.lastYear; year++) {
    rows.push([
      { text: String(year), header: true },
      ...data.series.map((s) => {
        const p = s.points.find((q) => q.year === year);
        return p ? { text: formatCount(p.value, data.locale), provisional: p.provisional } : { text: words.noFigure, missing: true };
      }),
    ]);
  }
  return {
    caption: words.caption,
    columns: [words.year, ...data.series.map((s) => s.label)],
    rows,
    footnotes: [words.provisionalFootnote],
  };
}
