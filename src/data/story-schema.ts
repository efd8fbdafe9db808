import { z } from 'astro/zod';
import { CHART_IDS, CHART_SCENES } from '../charts/registry';

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const proseBlock = z.object({ kind: z.literal('prose'), html: z.string() });

const stepBlock = z.object({
  kind: z.literal('step'),
  /** The step's anchor (`#id` in the directive): deep links and tests use it. */
  id: z
    .string({ error: 'every step needs an id: :::step{#my-step state="scene"}' })
    .regex(slug, 'step ids are lowercase words joined by dashes'),
  /** The chart scene this step shows. */
  state: z.string({ error: 'every step needs a state: :::step{#my-step state="scene"}' }),
  html: z.string(),
  text: z.string().min(1, 'a step needs text that says what the chart now shows'),
  /** The card's heading: every step needs one, so keyboard and screen-reader users know where they are. */
  title: z.string({ error: 'every step needs a heading (### …) that names it' }).min(1),
  line: z.number(),
});

/** One story section: a markdown file in content/story/, with its steps parsed out of the body. */
export const storySection = z
  .object({
    /** Stable id: the section's anchor and, later, its embed slug. */
    id: z.string().regex(slug),
    /** The section heading readers see. */
    title: z.string().min(1),
    /** The opening section's standfirst, under the headline. */
    dek: z.string().optional(),
    /** Short label above the title. */
    kicker: z.string().optional(),
    /** Reading order, from the file name. */
    order: z.number().int(),
    /** The chart this section pairs with; a section with steps must name one. */
    chart: z.enum(CHART_IDS, { error: `expected a chart id: ${CHART_IDS.join(', ')}` }).optional(),
    /** The figure's own title and note (caveats that travel with the chart, e.g. into embeds). */
    figure: z
      .object({
        title: z.string().min(1),
        /** A title that fits one line on a phone, shown above the pinned chart there (the full title stays its name). */
        shortTitle: z.string().min(1).max(34, 'a short title fits one line on a phone: 34 characters at most').optional(),
        note: z.string().min(1),
        /** The scene its share image shows (default: the last step's before the explore step). */
        share: z.string().min(1).optional(),
      })
      .optional(),
    /** Source ids behind the section's prose (figures in charts carry their own). */
    sources: z.array(z.string().regex(/^[A-Z]\d{2}$/, 'expected a source id such as "S01"')).default([]),
    blocks: z.array(z.discriminatedUnion('kind', [proseBlock, stepBlock])),
  })
  .superRefine((section, ctx) => {
    const steps = section.blocks.flatMap((b, i) => (b.kind === 'step' ? [{ b, i }] : []));
    if (steps.length > 0 && !section.chart)
      ctx.addIssue({ code: 'custom', path: ['chart'], message: 'this section has steps but names no chart' });
    if (section.chart && steps.length === 0)
      ctx.addIssue({ code: 'custom', path: ['blocks'], message: `chart "${section.chart}" needs at least one :::step` });
    if (section.chart && !section.figure)
      ctx.addIssue({ code: 'custom', path: ['figure'], message: 'a section with a chart needs figure.title and figure.note' });
    if (!section.chart) return;
    const scenes: readonly string[] = CHART_SCENES[section.chart];
    if (section.figure?.share && !scenes.includes(section.figure.share))
      ctx.addIssue({
        code: 'custom',
        path: ['figure', 'share'],
        message: `figure.share "${section.figure.share}" is not a scene of chart "${section.chart}" (it has: ${scenes.join(', ')})`,
      });
    const seen = new Set<string>();
    for (const { b, i } of steps) {
      if (!scenes.includes(b.state)) {
        ctx.addIssue({
          code: 'custom',
          path: ['blocks', i, 'state'],
          message: `step "#${b.id}" (line ${b.line}) asks for state "${b.state}", which chart "${section.chart}" does not have (it has: ${scenes.join(', ')})`,
        });
      }
      if (seen.has(b.id))
        ctx.addIssue({ code: 'custom', path: ['blocks', i, 'id'], message: `step "#${b.id}" (line ${b.line}) appears twice` });
      seen.add(b.id);
    }
  });
export type StorySection = z.infer<typeof storySection>;
export type StoryStep = Extract<StorySection['blocks'][number], { kind: 'step' }>;
