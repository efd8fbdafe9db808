import { csvParse } from 'd3-dsv';
import type { z } from 'astro/zod';

/** A data file that fails validation. The message always names the file, and the line and column when known. */
export class DataError extends Error {
  override name = 'DataError';
}

export type RawRow = Record<string, string | undefined>;

export interface CsvOptions<T> {
  /** Shown in every message, e.g. `content/data/overdose-deaths.csv`. */
  readonly file: string;
  /** Validates and converts one raw row (all cells are strings; empty cells are `undefined`). */
  readonly row: z.ZodType<T, RawRow>;
  /** Identity of a row; two rows with the same key are an error. */
  readonly key: (row: T) => string;
}

export interface ParsedRow<T> {
  readonly line: number;
  readonly raw: RawRow;
  readonly value: T;
}

/** Columns the schema declares: a header without one of them is an error. */
function declaredColumns(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Parses a CSV text (UTF-8, with or without a byte-order mark, LF or CRLF) and validates every row.
 * Line numbers count the header as line 1, as a spreadsheet does.
 */
export function parseCsv<T>(text: string, opts: CsvOptions<T>): ParsedRow<T>[] {
  const { file } = opts;
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new DataError(`${file}: the file is empty (expected a header row and data).`);

  const table = csvParse(body);
  const header = table.columns.map((c) => c.trim());
  const missing = declaredColumns(opts.row).filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DataError(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} in the header.`,
    );
  }
  if (table.length === 0) throw new DataError(`${file}: the file has a header but no rows.`);

  const seen = new Map<string, number>();
  return table.map((cells, i) => {
    const line = i + 2;
    const raw: RawRow = {};
    for (const [col, cell] of Object.entries(cells)) {
      const v = (cell ?? '').trim();
      raw[col.trim()] = v === '' ? undefined : v;
    }
    const result = opts.row.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const got = field in raw ? raw[field] : undefined;
      throw new DataError(
        `${file}, line ${line}, column "${field}": ${issue?.message ?? 'invalid value'} (got ${got === undefined ? 'an empty cell' : JSON.stringify(got)}).`,
      );
    }
    const key = opts.key(result.data);
    const first = seen.get(key);
    if (first !== undefined) throw new DataError(`${file}, line ${line}: duplicate row "${key}" (first seen on line ${first}).`);
    seen.set(key, line);
    return { line, raw, value: result.data };
  });
}
