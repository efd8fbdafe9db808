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

export const LOCALES_DIR = 'content/locales';

/**
 * A locale's words come from `<locale>.yaml` (page words, glossary, and charts.*) and one file per
 * chart, `<locale>.<chart>.yaml`, merged under `charts.<chart>`: each chart keeps its words beside
 * the others' without sharing a file. Returns the merged object per locale.
 */
export function mergeLocaleFiles(
  files: readonly { name: string; text: string }[],
  parse: (text: string) => unknown,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const sorted = [...files].sort((a, b) => a.name.split('.').length - b.name.split('.').length || a.name.localeCompare(b.name));
  for (const { name, text } of sorted) {
    const parts = name.replace(/\.ya?ml$/, '').split('.');
    const [locale, chart, ...rest] = parts;
    if (!locale || rest.length > 0) throw new DataError(`${LOCALES_DIR}/${name}: expected <locale>.yaml or <locale>.<chart>.yaml`);
    let data: unknown;
    try {
      data = parse(text);
    } catch (e) {
      throw new DataError(`${LOCALES_DIR}/${name}: not valid YAML (${(e as Error).message})`);
    }
    if (chart === undefined) {
      out.set(locale, {
        ...(data as Record<string, unknown>),
        charts: { ...((data as { charts?: object }).charts ?? {}), ...((out.get(locale)?.['charts'] as object) ?? {}) },
      });
      continue;
    }
    const base = out.get(locale);
    if (!base) throw new DataError(`${LOCALES_DIR}/${name}: there is no ${locale}.yaml for it to join`);
    const charts = (base['charts'] ?? {}) as Record<string, unknown>;
    if (chart in charts) throw new DataError(`${LOCALES_DIR}/${name}: ${locale}.yaml already has charts.${chart}`);
    base['charts'] = { ...charts, [chart]: data };
  }
  return out;
}

/** The locales collection: one entry per locale, its files merged (see mergeLocaleFiles). */
export function localesLoader(dir = LOCALES_DIR): Loader {
  return {
    name: 'locales-loader',
    async load({ store, parseData, watcher }: LoaderContext) {
      const { readdir } = await import('node:fs/promises');
      const { parse } = await import('yaml');
      const names = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
      const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(`${dir}/${name}`, 'utf8') })));
      store.clear();
      for (const [id, data] of mergeLocaleFiles(files, parse)) {
        try {
          store.set({ id, data: await parseData({ id, data }) });
        } catch (e) {
          throw new DataError(`${dir}/${id}*.yaml: ${(e as Error).message}`);
        }
      }
      for (const name of names) watcher?.add(`${dir}/${name}`);
    },
  };
}
