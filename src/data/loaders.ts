import { readFile } from 'node:fs/promises';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { DataError, parseCsv, type RawRow } from './csv';
import { sourceRow } from './schemas';

export const SOURCES_FILE = 'content/data/sources.csv';

/** Every source id the fact base knows, read once per build. */
async function knownSourceIds(): Promise<Set<string>> {
  const rows = parseCsv(await readFile(SOURCES_FILE, 'utf8'), {
    file: SOURCES_FILE,
    row: sourceRow,
    key: (r) => r.source_id,
  });
  return new Set(rows.map((r) => r.value.source_id));
}

/** Throws naming the file and line of the first row citing a source that sources.csv lacks. */
export function assertSourcesResolve(
  file: string,
  rows: readonly { line: number; value: { source_ids: readonly string[] } }[],
  known: ReadonlySet<string>,
): void {
  for (const { line, value } of rows) {
    const unknown = value.source_ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DataError(`${file}, line ${line}, column "source_ids": unknown source id ${unknown.join(', ')} (not in ${SOURCES_FILE}).`);
    }
  }
}

interface CsvLoaderOptions<T> {
  readonly file: string;
  readonly row: z.ZodType<T, RawRow>;
  readonly key: (row: T) => string;
  /** The source ids a row cites; each must resolve in sources.csv. */
  readonly cites?: (row: T) => readonly string[];
}

/** A content-collection loader for one CSV file: one entry per row, validated twice (readable errors, then the collection schema). */
export function csvLoader<T>(opts: CsvLoaderOptions<T>): Loader {
  return {
    name: 'csv-loader',
    async load({ store, parseData, watcher }: LoaderContext) {
      const rows = parseCsv(await readFile(opts.file, 'utf8'), opts);
      const { cites } = opts;
      if (cites) {
        assertSourcesResolve(
          opts.file,
          rows.map((r) => ({ line: r.line, value: { source_ids: cites(r.value) } })),
          await knownSourceIds(),
        );
      }
      store.clear();
      for (const { raw, value } of rows) {
        const id = opts.key(value);
        store.set({ id, data: await parseData({ id, data: raw }) });
      }
      watcher?.add(opts.file);
    },
  };
}
