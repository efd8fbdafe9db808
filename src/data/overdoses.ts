import { getCollection } from 'astro:content';
import { overdoseData, type OverdoseData } from '../charts/overdoses/data';
import type { LocaleStrings } from './locale-schema';
import { CATEGORY_IDS, type OverdoseCategoryRow, type OverdoseDeathRow, type SourceRow } from './schemas';
import { getSources } from './sources';

export interface OverdoseChartInput {
  readonly data: OverdoseData;
  readonly rows: readonly OverdoseDeathRow[];
  readonly categories: readonly OverdoseCategoryRow[];
  /** Every source behind a figure or label this chart shows. */
  readonly sources: readonly SourceRow[];
}

/** The overdoses chart's input, from the validated collections (build time only). */
export async function loadOverdoseChart(strings: LocaleStrings): Promise<OverdoseChartInput> {
  const rows = (await getCollection('overdoseDeaths')).map((e) => e.data).sort((a, b) => a.year - b.year);
  const categories = (await getCollection('overdoseCategories'))
    .map((e) => e.data)
    .sort((a, b) => CATEGORY_IDS.indexOf(a.id) - CATEGORY_IDS.indexOf(b.id));
  const milestones = (await getCollection('milestones')).map((e) => e.data).sort((a, b) => a.date.localeCompare(b.date));
  const data = overdoseData(rows, categories, milestones, strings.charts.overdoses, strings.locale);
  const shownMilestones = milestones.filter((m) => m.show_on?.includes('overdoses'));
  const ids = [...rows, ...categories, ...shownMilestones].flatMap((r) => r.source_ids);
  return { data, rows, categories, sources: await getSources(ids) };
}
