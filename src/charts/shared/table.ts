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
}
