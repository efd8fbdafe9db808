import type { ChartModule } from '../types';
import type { DiplomacyData } from './data';
import { describe } from './describe';
import { frame } from './frame';
import { DIPLOMACY_SCENES, type DiplomacyScene } from './scenes';

/** US–China milestones on fentanyl over time, above the overdose deaths of each year: "The diplomacy". */
export const diplomacy: ChartModule<DiplomacyData, DiplomacyScene> = {
  id: 'diplomacy',
  scenes: DIPLOMACY_SCENES,
  entryScene: 'start',
  exploreScene: 'explore',
  frame,
  describe,
};
