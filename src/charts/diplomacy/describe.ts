import { fill } from '../shared/format';
import type { DiplomacyData } from './data';
import { SCENES, type DiplomacyScene, type SceneSpec } from './scenes';
import { windowDomain } from './time';

const monthYear = (date: Date, locale: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** The scene's text alternative: its template filled with the window, the number of events in it and the emphasised ones, dated. */
export function describe(data: DiplomacyData, scene: DiplomacyScene): string {
  const spec: SceneSpec = SCENES[scene];
  const [from, to] = windowDomain(spec.window.all);
  const last = new Date(to.getTime() - 1);
  const shown = data.events.filter((e) => e.at >= from && e.at < to);
  const events = spec.emphasis
    .flatMap((id) => data.events.filter((e) => e.id === id))
    .map((e) => `${e.shortLabel}, ${e.dateLabel}`)
    .join('; ');
  return fill(data.strings.describe[scene], {
    from: monthYear(from, data.locale),
    to: monthYear(last, data.locale),
    count: shown.length,
    events,
    first: data.deaths[0]?.year ?? '',
    last: data.deaths.at(-1)?.year ?? '',
  });
}
