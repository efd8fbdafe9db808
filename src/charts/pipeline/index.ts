import type { ChartModule } from '../types';
import type { PipelineData } from './data';
import { describe } from './describe';
import { frame } from './frame';
import { PIPELINE_SCENES, type PipelineScene } from './scenes';

/** The fentanyl supply chain, China → Mexico → United States, on a map: "The pipeline". */
export const pipeline: ChartModule<PipelineData, PipelineScene> = {
  id: 'pipeline',
  scenes: PIPELINE_SCENES,
  entryScene: 'entry',
  exploreScene: 'explore',
  frame,
  describe,
};
