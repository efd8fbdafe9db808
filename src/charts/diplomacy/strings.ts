import { z } from 'astro/zod';
import { milestoneRow } from '../../data/schemas';
import { DIPLOMACY_SCENES } from './scenes';

/** The kinds of event content/data/milestones.csv allows; each has its colour (tokens.css) and its name in the legend. */
export const EVENT_KINDS = milestoneRow.shape.kind.options;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Every word the diplomacy timeline draws, per locale (content/locales/<locale>.diplomacy.yaml). `{name}` marks a value. */
export const diplomacyStrings = z.object({
  title: z.string(),
  /** Each kind of event, as the legend, the table and the explore card name it. */
  kinds: z.object(Object.fromEntries(EVENT_KINDS.map((k) => [k, z.string().min(1)])) as Record<EventKind, z.ZodString>),
  /** The deaths line's name, drawn beside it. */
  deaths: z.string(),
  /** Beside the end of the deaths line when the window runs past the last final count: `{year}`. */
  deathsEnd: z.string(),
  /** Names the explore list for screen readers. */
  exploreLabel: z.string(),
  /** An event's button in the explore card: `{year}`, `{label}`. */
  pick: z.string(),
  /** The picked event's facts: `{date}`, `{kind}`, `{title}`, `{summary}`, `{actors}`, `{sources}`. */
  details: z.object({ heading: z.string(), summary: z.string(), facts: z.string() }),
  /** The data table of every event. */
  table: z.object({
    date: z.string(),
    event: z.string(),
    kind: z.string(),
    actors: z.string(),
    summary: z.string(),
    sources: z.string(),
    note: z.string(),
  }),
  /** One text alternative per scene: `{from}`, `{to}`, `{count}`, `{events}` (the emphasised ones, dated). */
  describe: z.record(z.enum(DIPLOMACY_SCENES), z.string()),
});
export type DiplomacyStrings = z.infer<typeof diplomacyStrings>;
