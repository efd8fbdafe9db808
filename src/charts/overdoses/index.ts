import type { ChartModule } from '../types';
import type { OverdoseData } from './data';
import { describe } from './describe';
import { frame } from './frame';
import { OVERDOSE_SCENES, type OverdoseScene } from './scenes';

/** US drug-overdose deaths per year, by drug category: "The toll". */
export const overdoses: ChartModule<OverdoseData, OverdoseScene> = {
  id: 'overdoses',
  scenes: OVERDOSE_SCENES,
  entryScene: 'axes',
  exploreScene: 'explore',
  frame,
  describe,
};
