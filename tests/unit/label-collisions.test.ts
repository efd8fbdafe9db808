import { describe, expect, it } from 'vitest';
import { frame as overdosesFrame } from '../../src/charts/overdoses/frame';
import { OVERDOSE_SCENES } from '../../src/charts/overdoses/scenes';
import { labelCollisions } from '../../src/charts/shared/collisions';
import { textMarkRect } from '../../src/charts/shared/geometry';
import type { Frame } from '../../src/charts/shared/marks';
import { SIZES, type Size } from '../../src/charts/types';
import { realOverdoseData } from './fixtures';

/** Every chart with its real data: each new chart adds itself here, and every one of its frames is checked. */
const charts: { name: string; scenes: readonly string[]; frame: (scene: string, size: Size) => Frame }[] = [
  (() => {
    const data = realOverdoseData();
    return { name: 'overdoses', scenes: OVERDOSE_SCENES, frame: (scene: string, size: Size) => overdosesFrame(data, scene as never, size) };
  })(),
];

describe('labels never collide', () => {
  for (const chart of charts) {
    for (const size of SIZES) {
      for (const scene of chart.scenes) {
        it(`${chart.name} / ${scene} / ${size.name}: no label on another label, a line, a rule or a point, and every label inside the chart`, () => {
          const f = chart.frame(scene, size);
          expect(labelCollisions(f, size.font)).toEqual([]);
          const outside = f.marks
            .filter((m) => m.tag === 'text' && (m.text ?? '') !== '')
            .filter((m) => {
              const r = textMarkRect(m, size.font);
              return r.x0 < -0.5 || r.y0 < -0.5 || r.x1 > f.width + 0.5 || r.y1 > f.height + 0.5;
            })
            .map((m) => `${m.key} "${m.text}"`);
          expect(outside).toEqual([]);
        });
      }
    }
  }
});
