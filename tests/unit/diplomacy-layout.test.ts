import { describe, expect, it } from 'vitest';
import { frame } from '../../src/charts/diplomacy/frame';
import { DIPLOMACY_SCENES, SCENES, type SceneSpec } from '../../src/charts/diplomacy/scenes';
import { labelCollisions } from '../../src/charts/shared/collisions';
import { textMarkRect } from '../../src/charts/shared/geometry';
import type { Frame } from '../../src/charts/shared/marks';
import { SIZES } from '../../src/charts/types';
import { realDiplomacyData } from './diplomacy-fixtures';

const data = realDiplomacyData();
const texts = (f: Frame) => f.marks.filter((m) => m.tag === 'text' && (m.text ?? '') !== '');

describe('the diplomacy timeline lays out every scene at every size', () => {
  for (const size of SIZES) {
    for (const scene of DIPLOMACY_SCENES) {
      const spec: SceneSpec = SCENES[scene];
      describe(`${scene} / ${size.name}`, () => {
        const f = frame(data, scene, size);
        it('no label on another label, a line, a rule or a dot', () => {
          expect(labelCollisions(f, size.font)).toEqual([]);
        });
        it('every label inside the chart', () => {
          const outside = texts(f)
            .filter((m) => {
              const r = textMarkRect(m, size.font);
              return r.x0 < -0.5 || r.y0 < -0.5 || r.x1 > f.width + 0.5 || r.y1 > f.height + 0.5;
            })
            .map((m) => `${m.key} "${m.text}"`);
          expect(outside).toEqual([]);
        });
        it('no two event dots touch', () => {
          const dots = f.marks
            .filter((m) => m.key.startsWith('ev:'))
            .map((m) => ({ key: m.key, x: Number(m.attrs['cx']), y: Number(m.attrs['cy']), r: Number(m.attrs['r']) }));
          const touching = dots.flatMap((a, i) =>
            dots
              .slice(i + 1)
              .filter((b) => Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + 1)
              .map((b) => `${a.key} ${b.key}`),
          );
          expect(touching).toEqual([]);
        });
        it('each emphasised event is drawn, dated and named, on a rule down to the axis', () => {
          for (const id of spec.emphasis) {
            const keys = f.marks.map((m) => m.key);
            expect(keys, id).toEqual(expect.arrayContaining([`ev:${id}`, `date:${id}`, `name:${id}`, `rule:${id}`]));
            const event = data.events.find((e) => e.id === id)!;
            expect(f.marks.find((m) => m.key === `date:${id}`)?.text).toBe(event.dateLabel);
          }
        });
      });
    }
  }
});

describe('the deaths line is always named, with its scale', () => {
  for (const size of SIZES) {
    for (const scene of DIPLOMACY_SCENES) {
      if (!(SCENES[scene] as SceneSpec).events) continue;
      it(`${scene} / ${size.name}: its name is beside it, and the gridline's value is written`, () => {
        const f = frame(data, scene, size);
        expect(f.marks.some((m) => m.key === 'deaths:t')).toBe(true);
        expect(f.marks.find((m) => m.key === 'grid:t')?.text).toBe('100K');
      });
    }
  }
});
