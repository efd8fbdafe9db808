import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/data/csv';
import { pipelineData, type Deaths, type PipelineData, type PipelineRows } from '../../src/charts/pipeline/data';
import { allViews } from '../../src/charts/pipeline/frame';
import { buildLand, readWorld, type Land } from '../../src/charts/pipeline/geo';
import { factRow, flowRow, placeRow, precursorRow, seizureRow } from '../../src/charts/pipeline/schemas';
import { FACTS_FILE, FLOWS_FILE, PLACES_FILE, PRECURSORS_FILE, SEIZURES_FILE } from '../../src/charts/pipeline/validate';
import { SIZES } from '../../src/charts/types';
import { deathRows, englishStrings } from './fixtures';

/** The map's CSV files, parsed as the build parses them. */
export function pipelineRows(): PipelineRows {
  const read = <T>(file: string, row: Parameters<typeof parseCsv<T>>[1]['row'], key: (r: T) => string): T[] =>
    parseCsv(readFileSync(file, 'utf8'), { file, row, key }).map((r) => r.value);
  return {
    places: read(PLACES_FILE, placeRow, (r) => r.id),
    flows: read(FLOWS_FILE, flowRow, (r) => r.id),
    facts: read(FACTS_FILE, factRow, (r) => r.id),
    precursors: read(PRECURSORS_FILE, precursorRow, (r) => r.id),
    seizures: read(SEIZURES_FILE, seizureRow, (r) => r.fiscal_year),
  };
}

/** The peak of deaths involving synthetic opioids, as prepare.ts takes it from "The toll"'s file. */
export function tollPeak(): Deaths {
  const finals = deathRows().filter((r) => r.status === 'final' && r.synthetic_opioids !== undefined);
  const best = finals.reduce((a, r) => (r.synthetic_opioids! > a.synthetic_opioids! ? r : a));
  return { value: best.synthetic_opioids!, year: best.year, sourceIds: best.source_ids };
}

let cached: { land: Land; data: PipelineData } | undefined;

/** The land built for every camera and the map's data, from the real content files (built once per test file). */
export function realPipeline(): { land: Land; data: PipelineData } {
  if (!cached) {
    const strings = englishStrings();
    const land = buildLand(readWorld(), allViews(SIZES));
    cached = { land, data: pipelineData(pipelineRows(), land, tollPeak(), strings.charts.pipeline, strings.locale) };
  }
  return cached;
}
