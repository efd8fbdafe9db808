import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frame } from '../../src/charts/pipeline/frame';
import { PIPELINE_SCENES } from '../../src/charts/pipeline/scenes';
import { renderFrame } from '../../src/charts/shared/marks';
import { SIZES } from '../../src/charts/types';
import { realPipeline } from './pipeline-fixtures';

/**
 * One checked-in SVG per (scene, size) of the supply-chain map, as the build renders it (the land itself is
 * in the page's defs, referred to by `<use>`). A change writes `<name>-changed.svg` beside the snapshot;
 * UPDATE_SNAPSHOTS=1 accepts the new output.
 */
const DIR = 'tests/snapshots';
const update = process.env['UPDATE_SNAPSHOTS'] === '1';
const { data } = realPipeline();

function standalone(name: string, markup: string, width: number, height: number): string {
  const body = markup.replace(/></g, '>\n<');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" data-snapshot="${name}">\n${body}\n</svg>\n`;
}

describe('SVG snapshots: pipeline', () => {
  for (const size of SIZES) {
    for (const scene of PIPELINE_SCENES) {
      const name = `pipeline--${scene}--${size.name}`;
      it(name, () => {
        const f = frame(data, scene, size);
        const svg = standalone(name, renderFrame(f, name), f.width, f.height);
        const file = `${DIR}/${name}.svg`;
        const changed = `${DIR}/${name}-changed.svg`;
        if (update || (!existsSync(file) && !process.env['CI'])) {
          writeFileSync(file, svg);
          rmSync(changed, { force: true });
          return;
        }
        expect(existsSync(file), `${file} is missing: run npm run test:update and commit it`).toBe(true);
        const expected = readFileSync(file, 'utf8');
        if (svg !== expected) writeFileSync(changed, svg);
        else rmSync(changed, { force: true });
        expect(svg === expected, `${file} differs from the chart's output; the new SVG is in ${changed}`).toBe(true);
      });
    }
  }
});
