import { getCollection } from 'astro:content';
import { defineTerms } from './glossary';
import type { LocaleStrings } from './locale-schema';
import { prepareChart, type PreparedChart } from './prepare-chart';
import { renderQuotes } from './quotes';
import type { QuoteRow, SourceRow } from './schemas';
import { getLocale, getSources } from './sources';
import type { StorySection } from './story-schema';

export interface LoadedStory {
  readonly strings: LocaleStrings;
  /** Every section in reading order, glossary terms defined where each first appears, quotes filled in. */
  readonly sections: readonly StorySection[];
  /** Each section with a chart: the chart prepared at build (frames, table, sources, explore, defs). */
  readonly charts: ReadonlyMap<string, PreparedChart>;
  /** Each section's sources: its chart's, its prose's and its quotes'. */
  readonly sources: ReadonlyMap<string, readonly SourceRow[]>;
}

const cache = new Map<string, Promise<LoadedStory>>();

/** The whole story, ready for a page (the story, an embed, a teacher's page): loaded once per build. */
export function loadStory(locale = 'en'): Promise<LoadedStory> {
  let story = cache.get(locale);
  if (!story) cache.set(locale, (story = load(locale)));
  return story;
}

async function load(locale: string): Promise<LoadedStory> {
  const strings = await getLocale(locale);
  const seenTerms = new Set<string>();
  const quotes = new Map((await getCollection('quotes')).map((e) => [e.data.id, e.data]));
  const sections = (await getCollection('story'))
    .map((e) => e.data)
    .sort((a, b) => a.order - b.order)
    .map((s) => {
      const where = `content/story (${s.id})`;
      const used = new Set<QuoteRow>();
      const blocks = s.blocks.map((b) => ({
        ...b,
        html: renderQuotes(defineTerms(b.html, strings.glossary, seenTerms, where), quotes, strings.locale, where, used),
      }));
      return { ...s, blocks, sources: [...new Set([...s.sources, ...[...used].flatMap((q) => q.source_ids)])] };
    });
  const charts = new Map(
    await Promise.all(
      sections.flatMap((s) =>
        s.chart && s.figure ? [prepareChart(s.chart, strings, s.figure.title).then((c) => [s.id, c] as const)] : [],
      ),
    ),
  );
  const sources = new Map(
    await Promise.all(
      sections.map(
        async (s) => [s.id, await getSources([...(charts.get(s.id)?.sources ?? []).map((x) => x.source_id), ...s.sources])] as const,
      ),
    ),
  );
  return { strings, sections, charts, sources };
}
