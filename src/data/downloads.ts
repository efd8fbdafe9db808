import { csvFormatRows } from 'd3-dsv';
import type { TableCell, TableModel } from '../charts/shared/table';
import type { SourceRow } from './schemas';

/** What every download states beside its figures. */
export interface DownloadMeta {
  readonly chart: string;
  readonly title: string;
  /** Where the chart is drawn (the story, at its section). */
  readonly story: string;
  /** The date of the latest release the data includes (YYYY-MM-DD). */
  readonly dataAsOf: string;
  /** When the desk last checked the figures against their sources (YYYY-MM-DD). */
  readonly checked: string;
  readonly licence: string;
  readonly notes?: string | undefined;
  readonly sources: readonly SourceRow[];
}

/** Names of the columns the download adds to the chart's table. */
export interface DownloadWords {
  readonly provisional: string;
  readonly sources: string;
  readonly dataAsOf: string;
  readonly licence: string;
}

/** A cell's figure as data: the number itself, the text when it has none, nothing when there is no figure. */
export function cellValue(cell: TableCell): number | string | null {
  if (cell.missing) return null;
  return cell.value ?? cell.text;
}

/** The columns of a row whose figures are provisional. */
const provisionalIn = (table: TableModel, row: readonly TableCell[]): string[] =>
  row.flatMap((cell, i) => (cell.provisional ? [table.columns[i] ?? ''] : []));

export const sourceLine = (s: SourceRow): string => `${s.source_id}: ${s.organization}, ${s.title} (${s.date}) ${s.url}`;

/**
 * The chart's table as CSV, one row per table row, its figures unformatted. Three columns repeat, on every
 * row, what the file is: its sources, the date of the data and the licence, so the file says so even when
 * it travels alone and every CSV reader can still parse it (no comment lines, no ragged rows).
 */
export function tableCsv(table: TableModel, meta: DownloadMeta, words: DownloadWords): string {
  const hasProvisional = table.rows.some((r) => r.some((c) => c.provisional));
  const header = [...table.columns, ...(hasProvisional ? [words.provisional] : []), words.sources, words.dataAsOf, words.licence];
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  if (twice.length)
    throw new Error(
      `${meta.chart}.csv: column ${twice.map((h) => `"${h}"`).join(', ')} would appear twice; rename it in the table or in ui.data.`,
    );
  const sources = meta.sources.map(sourceLine).join(' | ');
  const rows = table.rows.map((row) => [
    ...row.map((c) => {
      const v = cellValue(c);
      return v === null ? '' : String(v);
    }),
    ...(hasProvisional ? [provisionalIn(table, row).join('; ')] : []),
    sources,
    meta.dataAsOf,
    meta.licence,
  ]);
  return `${csvFormatRows([header, ...rows])}\n`;
}

export interface TableJson {
  readonly chart: string;
  readonly title: string;
  readonly story: string;
  readonly dataAsOf: string;
  readonly checked: string;
  readonly licence: string;
  readonly notes?: string;
  readonly sources: readonly { id: string; organization: string; title: string; date: string; url: string }[];
  readonly footnotes: readonly string[];
  readonly columns: readonly string[];
  /** One object per table row, keyed by column; `provisional` lists the columns whose figure is provisional. */
  readonly rows: readonly Record<string, number | string | null | readonly string[]>[];
}

export function tableJson(table: TableModel, meta: DownloadMeta): TableJson {
  return {
    chart: meta.chart,
    title: meta.title,
    story: meta.story,
    dataAsOf: meta.dataAsOf,
    checked: meta.checked,
    licence: meta.licence,
    ...(meta.notes ? { notes: meta.notes } : {}),
    sources: meta.sources.map((s) => ({ id: s.source_id, organization: s.organization, title: s.title, date: s.date, url: s.url })),
    footnotes: table.footnotes,
    columns: table.columns,
    rows: table.rows.map((row) => {
      const out: Record<string, number | string | null | readonly string[]> = {};
      row.forEach((c, i) => (out[table.columns[i] ?? String(i)] = cellValue(c)));
      const provisional = provisionalIn(table, row);
      if (provisional.length) out['provisional'] = provisional;
      return out;
    }),
  };
}
