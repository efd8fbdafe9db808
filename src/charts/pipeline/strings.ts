import { z } from 'astro/zod';

/** Placeholder: every word the supply-chain map draws, per locale (content/locales/<locale>.pipeline.yaml). */
export const pipelineStrings = z.object({ title: z.string() }).optional();
export type PipelineStrings = z.infer<typeof pipelineStrings>;
