import { DataError, parseCsv, type ParsedRow } from '../../data/csv';
import { assertReferences, COUNTRY_CODES, flowRow, placeRow, type FlowRow, type PlaceRow } from './schemas';

export const PLACES_FILE = 'content/data/pipeline-places.csv';
export const FLOWS_FILE = 'content/data/pipeline-flows.csv';
export const FACTS_FILE = 'content/data/pipeline-facts.csv';
export const PRECURSORS_FILE = 'content/data/pipeline-precursors.csv';
export const SEIZURES_FILE = 'content/data/pipeline-seizures.csv';

/**
 * The flows as the build reads them, checked against the places: each flow starts and ends at a place of
 * pipeline-places.csv (or a country code), and not at the same one. Throws a DataError naming the file,
 * line and column of the first bad row.
 */
export function checkFlows(
  placesText: string,
  flowsText: string,
  files = { places: PLACES_FILE, flows: FLOWS_FILE },
): { places: ParsedRow<PlaceRow>[]; flows: ParsedRow<FlowRow>[] } {
  const places = parseCsv(placesText, { file: files.places, row: placeRow, key: (r) => r.id });
  const flows = parseCsv(flowsText, { file: files.flows, row: flowRow, key: (r) => r.id });
  const known = new Set<string>([...places.map((p) => p.value.id), ...COUNTRY_CODES]);
  const where = `the ids of ${files.places}, or a country code`;
  assertReferences(files.flows, flows, 'from', known, 'place', where);
  assertReferences(files.flows, flows, 'to', known, 'place', where);
  for (const { line, value } of flows) {
    if (value.from === value.to)
      throw new DataError(`${files.flows}, line ${line}: the flow "${value.id}" starts and ends at "${value.from}".`);
  }
  return { places, flows };
}
