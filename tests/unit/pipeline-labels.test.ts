/**
 * Every word on the map, in every scene at every size, is set where a reader can read it: inside the frame,
 * on no other word, and on no route, arrowhead, dot, border or the seizures inset. The shared check
 * (labelCollisions, at the size's label font) sees lines and dots; the map's curves, arrowheads (markers)
 * and borders (in the page's defs) are handed to it as straight pieces.
 */
import { describe, expect, it } from 'vitest';
import { viewOf } from '../../src/charts/pipeline/camera';
import { frame, onScreen } from '../../src/charts/pipeline/frame';
import { arrowSegments, flatten, routePoints } from '../../src/charts/pipeline/routes';
import { PIPELINE_SCENES, SCENES } from '../../src/charts/pipeline/scenes';
import { labelCollisions } from '../../src/charts/shared/collisions';
import { rectsOverlap, textMarkRect, type Segment } from '../../src/charts/shared/geometry';
import type { Frame, Mark } from '../../src/charts/shared/marks';
import { SIZES, type Size } from '../../src/charts/types';
import { realPipeline } from './pipeline-fixtures';

const { data } = realPipeline();

const line = (key: string, s: Segment): Mark => ({ key, tag: 'line', attrs: { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 } });

/** The frame as the shared check can read it: curves as straight pieces, arrowheads and borders as lines, the inset set aside. */
function checkable(f: Frame, scene: (typeof PIPELINE_SCENES)[number], size: Size): Frame {
  const view = viewOf(SCENES[scene].camera[size.name], size.width, size.height);
  const marks: Mark[] = [];
  for (const m of f.marks) {
    if (m.key.startsWith('inset:')) continue;
    if (m.key.startsWith('flow:')) {
      const { start, control, end } = routePoints(String(m.attrs['d']));
      flatten(start, control, end).forEach((s, i) => marks.push(line(`${m.key}:${i}`, s)));
      arrowSegments(control, end).forEach((s, i) => marks.push(line(`${m.key}:arrow${i}`, s)));
      continue;
    }
    marks.push(m);
  }
  const frameRect = { x0: 0, y0: 0, x1: size.width, y1: size.height };
  onScreen(data.borders, view, frameRect).forEach((s, i) => marks.push(line(`border:${i}`, s)));
  return { ...f, marks };
}

const texts = (f: Frame) => f.marks.filter((m) => m.tag === 'text' && (m.text ?? '') !== '');

describe('map labels never collide', () => {
  for (const size of SIZES) {
    for (const scene of PIPELINE_SCENES) {
      it(`${scene} / ${size.name}: no word on another, on a route, an arrow, a dot or a border; all inside the frame`, () => {
        const f = frame(data, scene, size);
        expect(labelCollisions(checkable(f, scene, size), size.font)).toEqual([]);
        const outside = texts(f)
          .filter((m) => {
            const r = textMarkRect(m, size.font);
            return r.x0 < 0 || r.y0 < 0 || r.x1 > f.width || r.y1 > f.height;
          })
          .map((m) => `${m.key} "${m.text}"`);
        expect(outside).toEqual([]);
      });
    }
  }

  for (const size of SIZES) {
    it(`crossing / ${size.name}: no map word on the seizures inset; the inset's words inside it, clear of its bars`, () => {
      const f = frame(data, 'crossing', size);
      const panel = f.marks.find((m) => m.key === 'inset:panel')!;
      const [x0, y0, x1, , , y1] = [...String(panel.attrs['d']).matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
      const rect = { x0: x0!, y0: y0!, x1: x1!, y1: y1! };
      for (const m of texts(f)) {
        const r = textMarkRect(m, size.font);
        if (m.key.startsWith('inset:')) expect(r.x0 >= rect.x0 && r.x1 <= rect.x1 && r.y0 >= rect.y0 && r.y1 <= rect.y1, m.key).toBe(true);
        else expect(rectsOverlap(r, rect), `${m.key} "${m.text}" on the inset`).toBe(false);
      }
      const inset = { ...f, marks: f.marks.filter((m) => m.key.startsWith('inset:') && m.key !== 'inset:panel') };
      expect(labelCollisions(inset, size.font)).toEqual([]);
    });
  }

  it('every place a scene names gets its label, at every size', () => {
    for (const size of SIZES) {
      for (const scene of PIPELINE_SCENES) {
        const spec = SCENES[scene];
        const named: readonly string[] =
          size.name === 'compact' && 'compactPlaceLabels' in spec ? (spec.compactPlaceLabels as readonly string[]) : spec.placeLabels;
        const f = frame(data, scene, size);
        for (const p of data.places.filter((x) => named.includes(x.stage) && (spec.places as readonly string[]).includes(x.stage))) {
          expect(
            f.marks.some((m) => m.key === `label:${p.id}`),
            `${scene} / ${size.name}: ${p.id}`,
          ).toBe(true);
        }
        for (const note of spec.notes) {
          if ('sizes' in note && note.sizes && !(note.sizes as readonly string[]).includes(size.name)) continue;
          expect(
            f.marks.some((m) => m.key === `note:${note.id}`),
            `${scene} / ${size.name}: note ${note.id}`,
          ).toBe(true);
        }
      }
    }
  });
});
