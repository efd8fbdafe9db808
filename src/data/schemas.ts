import { z } from 'astro/zod';

/**
 * Row schemas for the CSV files in content/data/. Each works on raw cells (strings, `undefined` when
 * empty) and converts them, so the same schema gives the loader's readable errors and the
 * collection's types.
 */

const cell = z.string({ error: 'this cell is required' });

/** A count of deaths: a whole number, 0 or more; an empty cell means "no verified figure". */
export const deathCount = z.string().regex(/^\d+$/, 'expected a whole number of deaths, 0 or more').transform(Number).optional();

export const year = cell.regex(/^(19|20)\d\d$/, 'expected a four-digit year').transform(Number);

/** Source ids, separated by semicolons; each must resolve in content/data/sources.csv. */
export const sourceIds = cell
  .regex(/^[A-Z]\d{2}(;[A-Z]\d{2})*$/, 'expected source ids such as "S01" or "S01;S12"')
  .transform((s) => s.split(';'));

/** Only rows the research marks verified (primary or secondary) may reach the page. */
export const confidence = cell.regex(/^verified/i, 'only rows marked "verified" in the research may be used');

/** A date as precise as the source: `YYYY-MM` or `YYYY-MM-DD`, and a real one. */
export const isoDate = cell.refine((s) => {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}, 'expected a real date written YYYY-MM or YYYY-MM-DD');

const slug = cell.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase id with dashes');

export const CATEGORY_IDS = [
  'total',
  'prescription_opioids_incl_methadone',
  'heroin',
  'synthetic_opioids',
  'cocaine',
  'psychostimulants',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const overdoseDeathRow = z
  .object({
    year,
    status: z.enum(['final', 'provisional', 'provisional-superseded'], {
      error: 'expected "final", "provisional" or "provisional-superseded"',
    }),
    /** When CDC published a provisional figure (YYYY-MM): the story names the release a provisional count comes from. */
    release: z
      .string()
      .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'expected the month of the release, YYYY-MM')
      .optional(),
    total: deathCount,
    prescription_opioids_incl_methadone: deathCount,
    heroin: deathCount,
    synthetic_opioids: deathCount,
    cocaine: deathCount,
    psychostimulants: deathCount,
    source_ids: sourceIds,
    confidence,
    notes: z.string().optional(),
  })
  .refine((r) => r.status === 'final' || r.release !== undefined, {
    path: ['release'],
    message: 'a provisional row needs the month CDC released it (YYYY-MM)',
  });
export type OverdoseDeathRow = z.infer<typeof overdoseDeathRow>;

export const overdoseCategoryRow = z.object({
  id: z.enum(CATEGORY_IDS, { error: `expected one of ${CATEGORY_IDS.join(', ')}` }),
  label: cell,
  short_label: cell,
  icd10: cell,
  wave: z
    .string()
    .regex(/^[1-9]$/, 'expected a wave number')
    .transform(Number)
    .optional(),
  wave_start: year.optional(),
  source_ids: sourceIds,
  definition: cell,
});
export type OverdoseCategoryRow = z.infer<typeof overdoseCategoryRow>;

export const milestoneRow = z.object({
  id: slug,
  date: isoDate,
  short_label: z.string().optional(),
  title: cell,
  summary: cell,
  actors: cell,
  kind: z.enum(['agreement', 'scheduling', 'meeting', 'summit', 'suspension', 'enforcement', 'sanction', 'tariff', 'other']),
  /** Chart ids that mark this milestone, separated by semicolons. */
  show_on: z
    .string()
    .transform((s) => s.split(';'))
    .optional(),
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type MilestoneRow = z.infer<typeof milestoneRow>;

export const sourceRow = z.object({
  source_id: cell.regex(/^[A-Z]\d{2}$/, 'expected an id such as "S01"'),
  organization: cell,
  title: cell,
  date: cell,
  url: z.url({ error: 'expected a full URL' }),
  notes: z.string().optional(),
});
export type SourceRow = z.infer<typeof sourceRow>;

/** One row per year and status, and per release for provisional figures (a year can have several). */
export const overdoseRowKey = (r: OverdoseDeathRow): string => [r.year, r.status, r.release].filter(Boolean).join('-');

/** An on-record quote, verbatim as the publisher printed it; the story places it with `::quote{#id}`. */
export const quoteRow = z.object({
  id: slug,
  /** The words, exactly as published (no added quotation marks). */
  text: cell,
  speaker: cell,
  /** The speaker's exact title at the time. */
  speaker_title: cell,
  date: isoDate,
  /** Who printed these words (the wire service, for a translation). */
  publisher: cell,
  /** For words said in another language: whose English rendering this is ("English rendering by AFP"). */
  rendering: z.string().optional(),
  /** Where and why it was said. */
  context: z.string().optional(),
  source_ids: sourceIds,
  confidence,
  notes: z.string().optional(),
});
export type QuoteRow = z.infer<typeof quoteRow>;

/** When a chart's data is from and when the desk last checked it against its sources (content/data/datasets.csv). */
export const datasetRow = z.object({
  /** The chart this data draws (a chart id). */
  chart: slug,
  title: cell,
  /** The date of the latest release the data includes. */
  as_of: isoDate,
  /** When the desk last checked the figures against their sources. */
  checked: isoDate,
  source_ids: sourceIds,
  /** The credit line a share image and a download give: the main sources, by name. */
  credit: cell,
  notes: z.string().optional(),
});
export type DatasetRow = z.infer<typeof datasetRow>;
