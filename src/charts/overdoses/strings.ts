import { z } from 'astro/zod';
import { OVERDOSE_SCENES } from './scenes';

/** Every word the overdoses chart draws, per locale (content/locales/*.yaml). `{name}` marks a value. */
export const overdoseStrings = z.object({
  title: z.string(),
  yAxis: z.string(),
  provisionalKey: z.string(),
  wave: z.string(),
  waveLong: z.string(),
  callout: z.string(),
  calloutPeak: z.string(),
  calloutProvisional: z.string(),
  /** Two lines (a newline between), for narrow charts. */
  calloutProvisionalShort: z.string(),
  valueProvisional: z.string(),
  milestone: z.string(),
  noFigure: z.string(),
  /** One text alternative template per scene. */
  describe: z.record(z.enum(OVERDOSE_SCENES), z.string()),
});
export type OverdoseStrings = z.infer<typeof overdoseStrings>;
