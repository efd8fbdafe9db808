import type { CategoryId, MilestoneRow, OverdoseCategoryRow, OverdoseDeathRow } from '../../data/schemas';
import { decimalYear, formatDate } from '../shared/format';
import type { OverdoseStrings } from './strings';

export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
  /** A provisional count, shown as such (no final figure exists for that year). */
  readonly provisional: boolean;
  /** For a provisional count: the month CDC released it (YYYY-MM). */
  readonly release?: string;
}

export interface Series {
  readonly id: CategoryId;
  readonly label: string;
  readonly shortLabel: string;
  readonly wave?: number;
  readonly waveStart?: number;
  /** Only years with a verified figure, ascending: a missing year is a gap, never a guess. */
  readonly points: readonly SeriesPoint[];
}

export interface MilestoneMarker {
  readonly id: string;
  readonly at: number;
  readonly label: string;
  readonly dateLabel: string;
}

/** Everything the overdoses chart draws, already joined and typed: the chart's only input. */
export interface OverdoseData {
  readonly locale: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly series: readonly Series[];
  readonly milestones: readonly MilestoneMarker[];
  readonly strings: OverdoseStrings;
}

/**
 * For each year and category, the final count where one exists, else the provisional one (flagged).
 * Superseded provisional rows never reach the chart.
 */
export function overdoseData(
  rows: readonly OverdoseDeathRow[],
  categories: readonly OverdoseCategoryRow[],
  milestones: readonly MilestoneRow[],
  strings: OverdoseStrings,
  locale: string,
): OverdoseData {
  const years = rows.map((r) => r.year);
  const series = categories.map((c): Series => {
    const byYear = new Map<number, SeriesPoint>();
    for (const r of rows) {
      const value = r[c.id];
      if (value === undefined || r.status === 'provisional-superseded') continue;
      const provisional = r.status === 'provisional';
      const held = byYear.get(r.year);
      if (held && !held.provisional) continue;
      byYear.set(
        r.year,
        provisional && r.release ? { year: r.year, value, provisional, release: r.release } : { year: r.year, value, provisional },
      );
    }
    return {
      id: c.id,
      label: c.label,
      shortLabel: c.short_label,
      ...(c.wave === undefined ? {} : { wave: c.wave }),
      ...(c.wave_start === undefined ? {} : { waveStart: c.wave_start }),
      points: [...byYear.values()].sort((a, b) => a.year - b.year),
    };
  });
  return {
    locale,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    series,
    milestones: milestones
      .filter((m) => m.show_on?.includes('overdoses'))
      .map((m) => ({ id: m.id, at: decimalYear(m.date), label: m.short_label ?? m.title, dateLabel: formatDate(m.date, locale) })),
    strings,
  };
}

export function seriesById(data: OverdoseData, id: CategoryId): Series {
  const s = data.series.find((x) => x.id === id);
  if (!s) throw new Error(`The overdose data has no "${id}" series.`);
  return s;
}

/** The largest final value: a provisional count is never called a peak. */
export function peakOf(series: Series): SeriesPoint | undefined {
  let best: SeriesPoint | undefined;
  for (const p of series.points) if (!p.provisional && (!best || p.value > best.value)) best = p;
  return best;
}
