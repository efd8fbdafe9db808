import { z } from 'astro/zod';
import { PIPELINE_SCENES } from './scenes';
import { COUNTRY_CODES, FLOW_KINDS, STAGE_IDS } from './schemas';

/** Wordings of one label, longest first: the map takes the first that fits (a phone usually gets the last). */
const wordings = z.array(z.string().min(1)).min(1);

/**
 * Every word the supply-chain map draws or says, per locale (content/locales/<locale>.pipeline.yaml, merged
 * under charts.pipeline). `{name}` marks a value; a newline breaks a label into lines.
 */
export const pipelineStrings = z.object({
  title: z.string(),
  countries: z.record(z.enum(COUNTRY_CODES), z.string()),
  /** A label along each kind of flow. */
  flows: z.record(z.enum(FLOW_KINDS), wordings),
  /** Notes a scene places beside a place, a flow or a country (scenes.ts says which, where and at which sizes). */
  notes: z.record(z.string(), wordings),
  /** The seizures inset. */
  inset: z.object({
    /** Its title, in lines. */
    title: wordings,
    /** A fiscal year under its bar: `{year}` is the year's number (2023). */
    year: z.string(),
    /** The figure over a bar: `{value}` in pounds. */
    value: z.string(),
    /** Under the bars: why a year is missing; `{year}` is the partial fiscal year. */
    partial: wordings,
  }),
  /** The stages' names, as explore items and in the data table. */
  stages: z.record(z.enum(STAGE_IDS), z.string()),
  /** Names the list of stages to pick, for screen readers. */
  exploreLabel: z.string(),
  /** The deaths "The toll" counts, as a fact: `{deaths}`, `{year}`. */
  deathsFact: z.string(),
  /** In an item's details: `{sources}` lists its source ids. */
  sourcesLine: z.string(),
  table: z.object({
    columns: z.array(z.string()).length(4),
    /** `{name}` and `{area}`. */
    placeName: z.string(),
    /** `{un}` date, `{china}` date or note. */
    precursor: z.string(),
    precursorChinaPending: z.string(),
    /** `{pounds}` */
    seizure: z.string(),
    seizurePartial: z.string(),
    /** The stage of the precursors' rows and of the seizures' rows. */
    precursorsStage: z.string(),
    seizuresStage: z.string(),
    footnote: z.string(),
  }),
  /** One text alternative template per scene. */
  describe: z.record(z.enum(PIPELINE_SCENES), z.string()),
});
export type PipelineStrings = z.infer<typeof pipelineStrings>;
