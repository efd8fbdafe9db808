import { z } from 'astro/zod';
import { diplomacyStrings } from '../charts/diplomacy/strings';
import { overdoseStrings } from '../charts/overdoses/strings';
import { pipelineStrings } from '../charts/pipeline/strings';

/** Words of the page around the story (content/locales/<locale>.yaml). */
export const uiStrings = z.object({
  siteName: z.string(),
  description: z.string(),
  skipToStory: z.string(),
  dataTable: z.string(),
  dataTableCaption: z.string(),
  year: z.string(),
  provisionalLabel: z.string(),
  provisionalFootnote: z.string(),
  noFigure: z.string(),
  note: z.string(),
  sources: z.string(),
  /** Under a chart whose table links each row's sources: where the rest are ({page}: the sources page). */
  sourcesInTable: z.string(),
  exploreToggles: z.string(),
  exploreReadout: z.string(),
  exploreHint: z.string(),
  /** How to use a list of items to pick (stages, places, events). */
  explorePickHint: z.string(),
  /** Step controls: `{section}` is the section title; `{n}`, `{count}`, `{title}` name a step. */
  stepControls: z.string(),
  stepList: z.string(),
  stepOf: z.string(),
  previousStep: z.string(),
  nextStep: z.string(),
  /** Announced when the chart changes: `{n}`, `{count}`, `{title}`, `{description}`. */
  stepAnnouncement: z.string(),
  articleMode: z.string(),
  articleModeHint: z.string(),
  stepFigure: z.string(),
  /** A step's link control: `{title}` is the step's. */
  linkToStep: z.string(),
  linkCopied: z.string(),
  /** A chart's data vintage, its downloads and the sources page. */
  data: z.object({
    /** `{date}`: the date of the latest release the chart's data includes. */
    asOf: z.string(),
    download: z.string(),
    csv: z.string(),
    json: z.string(),
    /** The sources and methods page's name, linked from every chart's notes. */
    methods: z.string(),
    /** The licence every download states. */
    licence: z.string(),
    /** Columns the downloads add to the chart's table. */
    provisionalColumn: z.string(),
    sourcesColumn: z.string(),
    asOfColumn: z.string(),
    licenceColumn: z.string(),
  }),
  /** Embed pages and the story's Embed panel. */
  embed: z.object({
    /** The credit under an embedded chart: `{story}` is the story's title. */
    credit: z.string(),
    fullStory: z.string(),
    /** The story's Embed control and its panel. */
    open: z.string(),
    intro: z.string(),
    variant: z.string(),
    variantPym: z.string(),
    variantIframe: z.string(),
    theme: z.string(),
    themeAuto: z.string(),
    themeLight: z.string(),
    themeDark: z.string(),
    step: z.string(),
    height: z.string(),
    code: z.string(),
    copy: z.string(),
    copied: z.string(),
    preview: z.string(),
  }),
  /** Pages around the story: the teacher's page, the reports checked (PageLayout). */
  pages: z.object({
    skipToContent: z.string(),
    /** Names the links between the story and its pages. */
    siteNav: z.string(),
    story: z.string(),
    classroom: z.string(),
    checked: z.string(),
    /** The sources and methods page (/sources/). */
    sources: z.string(),
    /** One line, on the pages teachers read: no trackers, analytics, cookies or third-party requests. */
    privacy: z.string(),
  }),
});
export type UiStrings = z.infer<typeof uiStrings>;

export const localeStrings = z.object({
  /** BCP 47 tag used by Intl for numbers and dates. */
  locale: z.string(),
  ui: uiStrings,
  /** Term id -> a plain definition, shown in brackets after the term's first use. */
  glossary: z.record(z.string(), z.string().min(1)),
  /** Each chart's words: `charts.overdoses` in <locale>.yaml, the others in <locale>.<chart>.yaml. */
  charts: z.object({ overdoses: overdoseStrings, pipeline: pipelineStrings, diplomacy: diplomacyStrings }),
});
export type LocaleStrings = z.infer<typeof localeStrings>;
