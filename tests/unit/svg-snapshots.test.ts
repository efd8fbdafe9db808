import { frame } from '../../src/charts/overdoses/frame';
import { OVERDOSE_SCENES } from '../../src/charts/overdoses/scenes';
import { realOverdoseData } from './fixtures';
import { svgSnapshots } from './snapshots';

const data = realOverdoseData();
svgSnapshots('overdoses', OVERDOSE_SCENES, (scene, size) => frame(data, scene, size));
