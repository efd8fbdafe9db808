import { boxRect, clipSegment, grow, markShape, rectsOverlap, segmentHitsRect, textMarkRect, type Rect, type Segment } from './geometry';
import type { Frame, Mark } from './marks';

/** Background marks a label may sit on (its halo covers them): gridlines only. */
const BACKGROUND = /\bgridline\b/;

const shown = (m: Mark): boolean => Number(m.attrs['opacity'] ?? 1) > 0;

/**
 * Every place where a label of `frame`, set at `font` user units, touches another label, a drawn
 * line, rule or point: what the tests over every frame of every chart require to be empty.
 */
export function labelCollisions(frame: Frame, font: number): string[] {
  const plot = boxRect(frame.plot);
  const labels = frame.marks.filter((m) => m.tag === 'text' && (m.text ?? '') !== '' && shown(m));
  const rects = new Map(labels.map((m) => [m.key, grow(textMarkRect(m, font), -0.5)]));
  const drawn: { key: string; segments: Segment[]; rects: Rect[] }[] = frame.marks
    .filter((m) => m.tag !== 'text' && shown(m) && !BACKGROUND.test(m.cls ?? ''))
    .map((m) => {
      const shape = markShape(m);
      // A clipped mark shows only inside the plot.
      const segments = m.clip ? shape.segments.flatMap((s) => clipSegment(s, plot) ?? []) : shape.segments;
      return { key: m.key, segments, rects: shape.rects };
    });
  const problems: string[] = [];
  labels.forEach((a, i) => {
    const ra = rects.get(a.key)!;
    for (const b of labels.slice(i + 1)) if (rectsOverlap(ra, rects.get(b.key)!)) problems.push(`label ${a.key} overlaps label ${b.key}`);
    for (const d of drawn) {
      if (d.segments.some((s) => segmentHitsRect(s, ra)) || d.rects.some((r) => rectsOverlap(r, ra)))
        problems.push(`label ${a.key} ("${a.text}") lies on ${d.key}`);
    }
  });
  return problems;
}
