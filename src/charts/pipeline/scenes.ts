/** Placeholder: the supply-chain map's scenes (issue #9 fills this in). */
export const PIPELINE_SCENES = ['route', 'explore'] as const;
export type PipelineScene = (typeof PIPELINE_SCENES)[number];
