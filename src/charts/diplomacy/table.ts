import { fill } from '../shared/format';
import type { TableDetails, TableModel } from '../shared/table';
import type { DiplomacyData, TimelineEvent } from './data';

/** The table's columns, by the names the explore card's templates use (content/locales/en.diplomacy.yaml, `details`). */
const COLUMNS = ['date', 'title', 'kind', 'actors', 'summary', 'sources'] as const;

/** Every event on the timeline, in date order: when, what, what kind, who, what happened, and the sources. */
export function diplomacyTable(data: DiplomacyData, caption: string): TableModel {
  const w = data.strings.table;
  const names = { date: w.date, title: w.event, kind: w.kind, actors: w.actors, summary: w.summary, sources: w.sources };
  return {
    caption,
    columns: COLUMNS.map((c) => names[c]),
    rows: data.events.map((e) => {
      const cells = {
        date: { text: e.dateLong, value: e.iso, header: true },
        title: { text: e.title },
        kind: { text: data.strings.kinds[e.kind] },
        actors: { text: e.actors },
        summary: { text: e.summary },
        sources: { text: e.sourceIds.join(', '), sourceIds: e.sourceIds },
      };
      return COLUMNS.map((c) => cells[c]);
    }),
    footnotes: [w.note],
  };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A picked event's facts in the explore card (HTML): its date and kind, what happened, who, and the sources. */
export function eventDetails(data: DiplomacyData, e: TimelineEvent): string {
  const d = data.strings.details;
  const values = {
    date: e.dateLong,
    kind: data.strings.kinds[e.kind],
    title: e.title,
    summary: e.summary,
    actors: e.actors,
    sources: e.sourceIds.join(', '),
  };
  return [d.heading, d.summary, d.facts]
    .map((t, i) => `<p${i === 0 ? ' class="explore__when"' : ''}>${escape(fill(t, values))}</p>`)
    .join('');
}

/** A picked event's facts (the same lines as `eventDetails`), read in the browser from its row of the table. */
export function detailsFromTable(strings: DiplomacyData['strings']): TableDetails {
  const d = strings.details;
  return { keys: COLUMNS, lines: [d.heading, d.summary, d.facts], sources: 'sources' };
}

/** The explore card's list: every event, in date order, its button naming its year and short label. */
export function exploreItems(data: DiplomacyData): { id: string; label: string; details: string }[] {
  return data.events.map((e) => ({
    id: e.id,
    label: fill(data.strings.pick, { year: e.iso.slice(0, 4), label: e.shortLabel }),
    details: eventDetails(data, e),
  }));
}
