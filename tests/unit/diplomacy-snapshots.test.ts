import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frame } from '../../src/charts/diplomacy/frame';
import { DIPLOMACY_SCENES } from '../../src/charts/diplomacy/scenes';
import { renderFrame } from '../../src/charts/shared/marks';
import { SIZES } from '../../src/charts/types';
import { realDiplomacyData } from './diplomacy-fixtures';

/**
 * One checked-in SVG per (scene, size) of the diplomacy timeline, as the build renders it. A change writes
 * `<name>-changed.svg` beside the snapshot; `npm run test:update` (UPDATE_SNAPSHOTS=1) accepts it.
 */
const DIR = 'tests/snapshots';
const update = process.env['UPDATE_SNAPSHOTS'] === '1';
const data = realDiplomacyData();

describe('SVG snapshots: diplomacy', () => {
  for (const size of SIZES) {
    for (const scene of DIPLOMACY_SCENES) {
      const name = `diplomacy--${scene}--${size.name}`;
      it(name, () => {
        const f = frame(data, scene, size);
        const body = renderFrame(f, name).replace(/></g, '>\n<');
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" data-snapshot="${name}">\n${body}\n</svg>\n`;
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
