/** A chart's data as a table: the text alternative that carries every figure. */
export interface TableModel {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly footnotes: readonly string[];
}

export interface TableCell {
  readonly text: string;
  /** A row header (the year). */
  readonly header?: boolean;
  readonly provisional?: boolean;
  readonly missing?: boolean;
}
