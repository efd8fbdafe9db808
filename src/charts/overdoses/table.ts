import { fill, formatCount, formatDate } from '../shared/format';
import type { TableModel } from '../shared/table';
import type { OverdoseData } from './data';

export interface TableWords {
  readonly caption: string;
  readonly year: string;
  readonly noFigure: string;
  /** `{release}`: the month CDC released the provisional counts the table shows. */
  readonly provisionalFootnote: string;
}

/** Every figure the chart can draw, by year and category; provisional counts flagged, gaps left empty. */
export function overdoseTable(data: OverdoseData, words: TableWords): TableModel {
  const rows = [];
  for (let year = data.firstYear; year <= data.lastYear; year++) {
    rows.push([
      { text: String(year), value: year, header: true },
      ...data.series.map((s) => {
        const p = s.points.find((q) => q.year === year);
        return p
          ? { text: formatCount(p.value, data.locale), value: p.value, provisional: p.provisional }
          : { text: words.noFigure, missing: true };
      }),
    ]);
  }
  return {
    caption: words.caption,
    columns: [words.year, ...data.series.map((s) => s.label)],
    rows,
    // One note per release the table's provisional counts come from.
    footnotes: [...new Set(data.series.flatMap((s) => s.points.flatMap((p) => (p.provisional && p.release ? [p.release] : []))))]
      .sort()
      .map((release) => fill(words.provisionalFootnote, { release: formatDate(release, data.locale, 'long') })),
  };
}
