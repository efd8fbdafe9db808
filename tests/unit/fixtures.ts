import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { overdoseData, type OverdoseData } from '../../src/charts/overdoses/data';
import { parseCsv } from '../../src/data/csv';
import { LOCALES_DIR, mergeLocaleFiles } from '../../src/data/loaders';
import { localeStrings, type LocaleStrings } from '../../src/data/locale-schema';
import {
  CATEGORY_IDS,
  milestoneRow,
  overdoseCategoryRow,
  overdoseDeathRow,
  overdoseRowKey,
  type OverdoseDeathRow,
} from '../../src/data/schemas';

/** The real content files, parsed the way the build parses them: tests check what readers will see. */
export function readRows<T>(file: string, row: Parameters<typeof parseCsv<T>>[1]['row'], key: (r: T) => string): T[] {
  return parseCsv(readFileSync(file, 'utf8'), { file, row, key }).map((r) => r.value);
}

export const deathRows = (): OverdoseDeathRow[] => readRows('content/data/overdose-deaths.csv', overdoseDeathRow, overdoseRowKey);

export const englishStrings = (): LocaleStrings => {
  const files = readdirSync(LOCALES_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ name, text: readFileSync(`${LOCALES_DIR}/${name}`, 'utf8') }));
  return localeStrings.parse(mergeLocaleFiles(files, parse).get('en'));
};

export function realOverdoseData(): OverdoseData {
  const categories = readRows('content/data/overdose-categories.csv', overdoseCategoryRow, (r) => r.id).sort(
    (a, b) => CATEGORY_IDS.indexOf(a.id) - CATEGORY_IDS.indexOf(b.id),
  );
  const milestones = readRows('content/data/milestones.csv', milestoneRow, (r) => r.id);
  const strings = englishStrings();
  return overdoseData(deathRows(), categories, milestones, strings.charts.overdoses, strings.locale);
}
