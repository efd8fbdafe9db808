// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { frame } from '../../src/charts/overdoses/frame';
import { OVERDOSE_SCENES } from '../../src/charts/overdoses/scenes';
import { framesFile, framesStem } from '../../src/charts/frames-file';
import { renderFrame } from '../../src/charts/shared/marks';
import { readFrame } from '../../src/charts/shared/read-frame';
import { SIZES, type ChartFrames } from '../../src/charts/types';
import { realOverdoseData } from './fixtures';

/** What a wider screen fetches (/frames/<chart>.<size>.svg) must give back, through the browser's readFrame, the build's frames. */
describe('frames file', () => {
  const data = realOverdoseData();
  const frames = Object.fromEntries(
    SIZES.map((size) => [size.name, Object.fromEntries(OVERDOSE_SCENES.map((scene) => [scene, frame(data, scene, size)]))]),
  ) as unknown as ChartFrames;

  for (const size of SIZES) {
    it(`${size.name}: well-formed SVG, one <svg data-scene> per scene, each read back to the frame it was drawn from`, () => {
      const text = framesFile('overdoses', frames, size.name);
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), 'parses as XML').toBeNull();
      const svgs = Array.from(doc.documentElement.children).filter((el) => el.localName === 'svg');
      expect(svgs.map((s) => s.getAttribute('data-scene'))).toEqual([...OVERDOSE_SCENES]);
      for (const svg of svgs) {
        const scene = svg.getAttribute('data-scene') as (typeof OVERDOSE_SCENES)[number];
        const built = frames[size.name][scene]!;
        const read = readFrame(svg as unknown as SVGSVGElement);
        expect(read.plot, scene).toEqual(built.plot);
        expect(renderFrame(read, 'p'), scene).toBe(renderFrame(built, 'p'));
      }
    });
  }

  it('lives under the site’s base path', () => {
    expect(framesStem('/', 'overdoses')).toBe('/frames/overdoses');
    expect(framesStem('/graphics/fentanyl/', 'pipeline')).toBe('/graphics/fentanyl/frames/pipeline');
  });
});
