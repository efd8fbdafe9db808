/** A chart's data as a table: the text alternative that carries every figure. */
export interface TableModel {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly footnotes: readonly string[];
}

export interface TableCell {
  readonly text: string;
  /** The figure itself, unformatted, for the data downloads (a count, a date, a code); `text` when absent. */
  readonly value?: number | string;
  /** A row header (the year). */
  readonly header?: boolean;
  readonly provisional?: boolean;
  readonly missing?: boolean;
  /** A cell of source ids (`text` lists them): each becomes a link to its entry on the sources page. */
  readonly sourceIds?: readonly string[];
}

/**
 * How to build a picked item's facts in the explore card from its row of the chart's data table (the
 * table lists the explore items in the same order): `lines` are templates, one paragraph each, whose
 * `{key}` takes the row's cell in column `keys.indexOf(key)`; the cell named `sources` (ids, comma
 * separated) becomes links to the sources page.
 */
export interface TableDetails {
  readonly keys: readonly string[];
  readonly lines: readonly string[];
  readonly sources: string;
}
