import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFrame, type Frame } from '../../src/charts/shared/marks';
import { SIZES, type Size } from '../../src/charts/types';

/**
 * One checked-in SVG per (chart, scene, size), as the build renders it. A change writes
 * `<name>-changed.svg` beside the snapshot so a reviewer can open both; `npm run test:update`
 * (or UPDATE_SNAPSHOTS=1) accepts the new output. Each chart's snapshot test calls this once.
 */
const DIR = 'tests/snapshots';
const update = process.env['UPDATE_SNAPSHOTS'] === '1';

function standalone(name: string, markup: string, width: number, height: number): string {
  const body = markup.replace(/></g, '>\n<');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" data-snapshot="${name}">\n${body}\n</svg>\n`;
}

export function svgSnapshots<S extends string>(chart: string, scenes: readonly S[], frameOf: (scene: S, size: Size) => Frame): void {
  describe(`SVG snapshots: ${chart}`, () => {
    for (const size of SIZES) {
      for (const scene of scenes) {
        const name = `${chart}--${scene}--${size.name}`;
        it(name, () => {
          const f = frameOf(scene, size);
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
}
