import { fill } from '../shared/format';
import type { TableModel } from '../shared/table';
import type { DiplomacyData, TimelineEvent } from './data';

/** Every event on the timeline, in date order: when, what, what kind, who, what happened, and the sources. */
export function diplomacyTable(data: DiplomacyData, caption: string): TableModel {
  const w = data.strings.table;
  return {
    caption,
    columns: [w.date, w.event, w.kind, w.actors, w.summary, w.sources],
    rows: data.events.map((e) => [
      { text: e.dateLong, value: e.iso, header: true },
      { text: e.title },
      { text: data.strings.kinds[e.kind] },
      { text: e.actors },
      { text: e.summary },
      { text: e.sourceIds.join(', ') },
    ]),
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

/** The explore card's list: every event, in date order, its button naming its year and short label. */
export function exploreItems(data: DiplomacyData): { id: string; label: string; details: string }[] {
  return data.events.map((e) => ({
    id: e.id,
    label: fill(data.strings.pick, { year: e.iso.slice(0, 4), label: e.shortLabel }),
    details: eventDetails(data, e),
  }));
}
