/**
 * Which share images the site has, and what each shows: one for the story (its title over the first chart)
 * and one per section with a chart (the section's chart, used by its embed page too). Each shows the scene
 * the section names in `figure.share`, or else the last step's before the explore step: the chart as the
 * reader leaves it. Built from the chart's own frames; the words are the scene's screen-reader description.
 */
import { renderFrame } from '../charts/shared/marks';
import { SIZES } from '../charts/types';
import type { PreparedChart } from '../data/prepare-chart';
import type { DatasetRow } from '../data/schemas';
import type { LoadedStory } from '../data/story-page';
import type { StorySection } from '../data/story-schema';
import type { CardInput } from './card';

export interface ShareCard extends CardInput {
  /** The file's name under og/: `story` or a section id. */
  readonly name: string;
  /** The image's alternative text (og:image:alt): the title and what the chart shows. */
  readonly alt: string;
}

const WIDE = SIZES.find((s) => s.name === 'wide')!;

/** The scene a section's share image shows. */
export function shareScene(section: StorySection): string | undefined {
  if (section.figure?.share) return section.figure.share;
  const steps = section.blocks.flatMap((b) => (b.kind === 'step' ? [b] : []));
  const before = steps.filter((s) => s.state !== 'explore');
  return (before.at(-1) ?? steps.at(-1))?.state;
}

/** The chart's wide SVG in a scene, with its shared defs (a map's land) inside, as a renderer needs them. */
function chartMarkup(chart: PreparedChart, scene: string): CardInput['chart'] {
  const frame = chart.frames[WIDE.name][scene];
  if (!frame) throw new Error(`share image: chart "${chart.payload.chart}" has no frame for scene "${scene}"`);
  const markup = (chart.defs ? `<defs>${chart.defs}</defs>` : '') + renderFrame(frame, `og-${chart.payload.chart}`);
  return { markup, width: frame.width, height: frame.height };
}

/** Every share image of the site; each credits its chart's sources as content/data/datasets.csv names them. */
export function shareCards(story: LoadedStory, datasets: ReadonlyMap<string, DatasetRow>): ShareCard[] {
  const { strings, sections, charts } = story;
  const site = strings.ui.siteName;
  const sourcesWord = strings.ui.sources;
  const cards: ShareCard[] = [];
  const withCharts = sections.flatMap((section) => {
    const chart = charts.get(section.id);
    const scene = shareScene(section);
    if (!chart || !section.figure || !scene || !section.chart) return [];
    const dataset = datasets.get(section.chart);
    if (!dataset) throw new Error(`content/data/datasets.csv: no row for chart "${section.chart}" (section ${section.id}).`);
    return [{ section, figure: section.figure, chart, scene, credit: `${sourcesWord}: ${dataset.credit}` }];
  });
  const first = withCharts[0];
  const opening = sections[0];
  if (first && opening) {
    const description = opening.dek ?? strings.ui.description;
    cards.push({
      name: 'story',
      site,
      title: opening.title,
      description,
      credit: first.credit,
      chart: chartMarkup(first.chart, first.scene),
      alt: `${opening.title}. ${first.chart.payload.descriptions[first.scene] ?? ''}`.trim(),
    });
  }
  for (const { section, figure, chart, scene, credit } of withCharts) {
    const description = chart.payload.descriptions[scene] ?? section.dek ?? strings.ui.description;
    cards.push({
      name: section.id,
      site,
      title: figure.title,
      description,
      credit,
      chart: chartMarkup(chart, scene),
      alt: `${figure.title}. ${description}`,
    });
  }
  return cards;
}
