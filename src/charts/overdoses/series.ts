import { line } from 'd3-shape';
import type { CategoryId } from '../../data/schemas';
import { r1, type Mark } from '../shared/marks';
import type { Series, SeriesPoint } from './data';
import type { Scales } from './layout';

export const seriesClass = (id: CategoryId): string => `series series--${id.replace(/_/g, '-')}`;

/** Lines, provisional segments and lone points of one series. */
export function seriesMarks(s: Series, sc: Scales, muted: boolean): Mark[] {
  const fade = muted ? { opacity: 0.3 } : {};
  const cls = seriesClass(s.id);
  const finals = new Map(s.points.filter((p) => !p.provisional).map((p) => [p.year, p]));
  const years = s.points.map((p) => p.year);
  const span: (SeriesPoint | undefined)[] = [];
  for (let yr = Math.min(...years); yr <= Math.max(...years); yr++) span.push(finals.get(yr));
  const path = line<SeriesPoint | undefined>()
    .defined((p) => p !== undefined)
    .x((p) => sc.px(p!.year))
    .y((p) => sc.y(p!.value))
    .digits(1);
  const marks: Mark[] = [
    {
      key: `line:${s.id}`,
      tag: 'path',
      cls: `${cls} series-line`,
      group: s.id,
      clip: true,
      enter: 'draw',
      attrs: { d: path(span) ?? '', ...fade },
    },
  ];
  const provisional = s.points.filter((p) => p.provisional);
  const segments = provisional.flatMap((p) => {
    const before = finals.get(p.year - 1);
    return before ? [`M${sc.px(before.year)},${r1(sc.y(before.value))}L${sc.px(p.year)},${r1(sc.y(p.value))}`] : [];
  });
  if (segments.length > 0) {
    marks.push({
      key: `prov:${s.id}`,
      tag: 'path',
      cls: `${cls} series-line series-line--provisional`,
      group: s.id,
      clip: true,
      attrs: { d: segments.join(''), ...fade },
    });
  }
  for (const p of s.points) {
    const lone = !p.provisional && !finals.has(p.year - 1) && !finals.has(p.year + 1);
    if (!lone && !p.provisional) continue;
    marks.push({
      key: `${p.provisional ? 'pdot' : 'dot'}:${s.id}:${p.year}`,
      tag: 'circle',
      cls: `${cls} series-dot${p.provisional ? ' series-dot--provisional' : ''}`,
      group: s.id,
      clip: true,
      attrs: { cx: sc.px(p.year), cy: r1(sc.y(p.value)), r: 3, ...fade },
    });
  }
  return marks;
}
