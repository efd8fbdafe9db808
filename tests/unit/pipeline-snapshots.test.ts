import { frame } from '../../src/charts/pipeline/frame';
import { PIPELINE_SCENES } from '../../src/charts/pipeline/scenes';
import { realPipeline } from './pipeline-fixtures';
import { svgSnapshots } from './snapshots';

// The supply-chain map: the land itself is in the page's defs, referred to by `<use>`.
const { data } = realPipeline();
svgSnapshots('pipeline', PIPELINE_SCENES, (scene, size) => frame(data, scene, size));
