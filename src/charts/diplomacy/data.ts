import { DataError } from '../../data/csv';
import type { MilestoneRow, OverdoseDeathRow } from '../../data/schemas';
import type { MonthWindow, SceneSpec } from './scenes';
import type { DiplomacyStrings, EventKind } from './strings';
import { eventDateLabel, eventDateLong, eventTime, precisionOf, windowDomain, type Precision } from './time';
import { SIZES } from '../types';

/** One milestone on the timeline, as the chart, the table and the explore card use it. */
export interface TimelineEvent {
  readonly id: string;
  /** As precise as the source: `YYYY-MM` or `YYYY-MM-DD`. */
  readonly iso: string;
  readonly precision: Precision;
  /** Where it sits on the time axis (mid-day, or mid-month when only the month is known). */
  readonly at: Date;
  /** "Nov 15, 2023" or "May 2019". */
  readonly dateLabel: string;
  /** "November 15, 2023" or "May 2019". */
  readonly dateLong: string;
  readonly shortLabel: string;
  readonly title: string;
  readonly summary: string;
  readonly actors: string;
  readonly kind: EventKind;
  readonly sourceIds: readonly string[];
}

/** A final count of overdose deaths, drawn across its calendar year. */
export interface DeathYear {
  readonly year: number;
  readonly value: number;
}

/** Everything the timeline draws, already joined and typed: the chart's only input. */
export interface DiplomacyData {
  readonly locale: string;
  /** In date order. */
  readonly events: readonly TimelineEvent[];
  /** Final counts of all overdose deaths (the total line of "The toll") for the years the timeline can show. */
  readonly deaths: readonly DeathYear[];
  readonly strings: DiplomacyStrings;
}

export const SCENES_FILE = 'src/charts/diplomacy/scenes.ts';
export const EVENTS_FILE = 'content/data/milestones.csv';

/** The first year of the deaths line: the timeline starts in 2015. */
const FIRST_DEATH_YEAR = 2015;

export function diplomacyData(
  milestones: readonly MilestoneRow[],
  deathRows: readonly OverdoseDeathRow[],
  strings: DiplomacyStrings,
  locale: string,
): DiplomacyData {
  const events = [...milestones]
    .sort((a, b) => eventTime(a.date).getTime() - eventTime(b.date).getTime() || a.id.localeCompare(b.id))
    .map((m): TimelineEvent => ({
      id: m.id,
      iso: m.date,
      precision: precisionOf(m.date),
      at: eventTime(m.date),
      dateLabel: eventDateLabel(m.date, locale),
      dateLong: eventDateLong(m.date, locale),
      shortLabel: m.short_label ?? m.title,
      title: m.title,
      summary: m.summary,
      actors: m.actors,
      kind: m.kind,
      sourceIds: m.source_ids,
    }));
  // Only final counts: a provisional figure is never drawn as if it were final.
  const deaths = deathRows
    .filter((r) => r.status === 'final' && r.total !== undefined && r.year >= FIRST_DEATH_YEAR)
    .map((r) => ({ year: r.year, value: r.total! }))
    .sort((a, b) => a.year - b.year);
  return { locale, events, deaths, strings };
}

/** The window a scene shows at a size. */
export const windowOf = (spec: SceneSpec, size: { name: string }): MonthWindow =>
  size.name === 'compact' ? (spec.window.compact ?? spec.window.all) : spec.window.all;

/**
 * Every event a scene names must exist, and lie inside the scene's window at every size: otherwise the
 * build fails naming the scene (in scenes.ts) and the event.
 */
export function checkScenes(scenes: Readonly<Record<string, SceneSpec>>, events: readonly Pick<TimelineEvent, 'id' | 'iso'>[]): void {
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const [scene, spec] of Object.entries(scenes)) {
    for (const id of spec.emphasis) {
      const event = byId.get(id);
      if (!event)
        throw new DataError(
          `${SCENES_FILE}, scene "${scene}": names event "${id}", which ${EVENTS_FILE} does not have (or not as a verified row).`,
        );
      for (const size of SIZES) {
        const [from, to] = windowDomain(windowOf(spec, size));
        const at = eventTime(event.iso);
        if (at < from || at >= to)
          throw new DataError(`${SCENES_FILE}, scene "${scene}": event "${id}" (${event.iso}) is outside the scene's ${size.name} window.`);
      }
    }
  }
}
