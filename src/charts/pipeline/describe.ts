import { fill, formatCount } from '../shared/format';
import { wholeYears, type PipelineData } from './data';
import type { PipelineScene } from './scenes';

const list = (names: readonly string[], locale: string): string => new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);

/** Names and figures a scene's text alternative may use; each template in content/locales picks its own. */
export function describeValues(data: PipelineData): Record<string, string | number> {
  const names = (stage: string) =>
    list(
      data.places.filter((p) => p.stage === stage).map((p) => (p.area && p.area !== p.label ? `${p.label} (${p.area})` : p.label)),
      data.locale,
    );
  const years = wholeYears(data);
  const peak = years.reduce((a, s) => (s.pounds > a.pounds ? s : a), years[0]!);
  const [first, last] = [years[0]!, years.at(-1)!];
  const n = (v: number) => `${formatCount(v, data.locale)} lb`;
  return {
    chemicalPlaces: names('chemicals'),
    ports: names('shipping'),
    labPlaces: list(
      data.places.filter((p) => p.stage === 'labs').map((p) => p.area ?? p.label),
      data.locale,
    ),
    crossingPlaces: names('crossing'),
    firstSeizure: n(first.pounds),
    firstYear: first.fiscalYear,
    peakSeizure: n(peak.pounds),
    peakYear: peak.fiscalYear,
    lastSeizure: n(last.pounds),
    lastYear: last.fiscalYear,
    partialYear:
      data.seizures
        .filter((s) => s.partial)
        .map((s) => s.fiscalYear)
        .join(', ') || '–',
    deaths: formatCount(data.deaths.value, data.locale),
    deathsYear: data.deaths.year,
  };
}

export function describe(data: PipelineData, scene: PipelineScene): string {
  return fill(data.strings.describe[scene], describeValues(data));
}
