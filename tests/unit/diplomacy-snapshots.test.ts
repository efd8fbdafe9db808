import { frame } from '../../src/charts/diplomacy/frame';
import { DIPLOMACY_SCENES } from '../../src/charts/diplomacy/scenes';
import { realDiplomacyData } from './diplomacy-fixtures';
import { svgSnapshots } from './snapshots';

const data = realDiplomacyData();
svgSnapshots('diplomacy', DIPLOMACY_SCENES, (scene, size) => frame(data, scene, size));
