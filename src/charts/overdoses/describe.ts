import { formatCount, formatDate } from '../shared/format';
import { peakOf, seriesById, type OverdoseData } from './data';
import { fill } from '../shared/format';
import type { OverdoseScene } from './scenes';

/** Numbers a scene's text alternative may use; each template in content/locales picks its own. */
export function describeValues(data: OverdoseData): Record<string, string | number> {
  const n = (v: number | undefined) => (v === undefined ? '' : formatCount(v, data.locale));
  const total = seriesById(data, 'total');
  const synth = seriesById(data, 'synthetic_opioids');
  const rx = seriesById(data, 'prescription_opioids_incl_methadone');
  const heroin = seriesById(data, 'heroin');
  const at = (s: typeof total, year: number | undefined) => s.points.find((p) => p.year === year)?.value;
  const [tPeak, sPeak, rxPeak, hPeak] = [peakOf(total), peakOf(synth), peakOf(rx), peakOf(heroin)];
  const [tFirst, tLast, sLast] = [total.points[0], total.points.at(-1), synth.points.at(-1)];
  return {
    firstYear: data.firstYear,
    lastYear: data.lastYear,
    totalFirst: n(tFirst?.value),
    totalPeak: n(tPeak?.value),
    totalPeakYear: tPeak?.year ?? '',
    totalLast: n(tLast?.value),
    totalLastYear: tLast?.year ?? '',
    rxStart: n(at(rx, rx.waveStart)),
    rxStartYear: rx.waveStart ?? '',
    rxPeak: n(rxPeak?.value),
    rxPeakYear: rxPeak?.year ?? '',
    heroinStart: n(at(heroin, heroin.waveStart)),
    heroinStartYear: heroin.waveStart ?? '',
    heroinPeak: n(hPeak?.value),
    heroinPeakYear: hPeak?.year ?? '',
    synthStart: n(at(synth, synth.waveStart)),
    synthStartYear: synth.waveStart ?? '',
    synthPeak: n(sPeak?.value),
    synthPeakYear: sPeak?.year ?? '',
    synthLast: n(sLast?.value),
    synthLastYear: sLast?.year ?? '',
    synthLastRelease: sLast?.release ? formatDate(sLast.release, data.locale, 'long') : '',
    milestones: data.milestones.map((m) => `${m.label} (${m.dateLabel})`).join('; '),
  };
}

export function describe(data: OverdoseData, scene: OverdoseScene): string {
  return fill(data.strings.describe[scene], describeValues(data));
}
