import type { CategoryId } from '../../data/schemas';
import { xTickMarks, yAxisMarks } from '../shared/axes';
import { fill, formatCount } from '../shared/format';
import { boxRect, clipSegment, markShape, textMarkRect } from '../shared/geometry';
import { type Frame, type Mark, type ReadoutColumn, r1 } from '../shared/marks';
import { emptyBoard, type Board } from '../shared/placement';
import type { Size } from '../types';
import { calloutMarks, inlineLabels, milestoneMarks, seriesLabels, titleRow, waveMarks } from './annotations';
import { seriesById, type OverdoseData } from './data';
import { layoutFor, scalesFor, yearsOf, type Scales } from './layout';
import { SCENES, type OverdoseScene, type SceneSpec } from './scenes';
import { seriesMarks } from './series';

function readout(data: OverdoseData, spec: SceneSpec, sc: Scales): ReadoutColumn[] {
  const drawn = spec.series.map((id) => seriesById(data, id));
  const columns: ReadoutColumn[] = [];
  for (let year = data.firstYear; year <= data.lastYear; year++) {
    columns.push({
      key: String(year),
      x: sc.px(year),
      label: String(year),
      values: drawn.map((s) => {
        const p = s.points.find((q) => q.year === year);
        if (!p) return { group: s.id, label: s.shortLabel, valueLabel: data.strings.noFigure };
        const value = formatCount(p.value, data.locale);
        return {
          group: s.id,
          label: s.shortLabel,
          valueLabel: p.provisional ? fill(data.strings.valueProvisional, { value }) : value,
          value,
          ...(p.provisional ? { provisional: true } : {}),
          y: r1(sc.y(p.value)),
        };
      }),
    });
  }
  return columns;
}

/** Lines, rules, points and words already drawn, as obstacles that labels must keep clear of. */
function boardOf(marks: readonly Mark[], frame: Pick<Frame, 'plot'>, font: number): Board {
  const board = emptyBoard();
  const plot = boxRect(frame.plot);
  for (const m of marks) {
    if (m.tag === 'text') {
      board.labels.push(textMarkRect(m, font));
      continue;
    }
    if (/\bgridline\b/.test(m.cls ?? '')) continue;
    const { segments, rects } = markShape(m);
    board.segments.push(...(m.clip ? segments.flatMap((s) => clipSegment(s, plot) ?? []) : segments));
    board.rects.push(...rects);
  }
  return board;
}

/** Every mark of one scene at one size; undefined when inline series names do not fit (the caller asks again with legend rows). */
function compose(data: OverdoseData, spec: SceneSpec, size: Size, legend: boolean): Frame | undefined {
  const layout = layoutFor(data, spec, size, legend);
  const sc = scalesFor(data, spec, layout);
  const { plot, font } = layout;
  const highlighted = (id: CategoryId) => spec.highlight.length === 0 || (spec.highlight as readonly CategoryId[]).includes(id);
  // Muted series first, so highlighted ones draw on top.
  const order = [...spec.series].sort((a, b) => Number(highlighted(a)) - Number(highlighted(b)));
  const drawn: Mark[] = [
    ...yAxisMarks(sc.y, plot, layout.yTicks, data.locale, font),
    ...xTickMarks(plot, ...yearsOf(data, spec), layout.xTickStep, sc.px, font),
    ...milestoneMarks(layout),
    ...order.flatMap((id) => seriesMarks(seriesById(data, id), sc, !highlighted(id))),
  ];
  const title = titleRow(data, spec, layout);
  // Legend rows and margin labels have fixed places; names beside the lines are placed last, around everything else.
  const fixedNames = layout.labels === 'inline' ? [] : seriesLabels(data, spec, sc, layout);
  const board = boardOf([...title, ...drawn, ...fixedNames], layout, font);
  const notes = [...waveMarks(data, spec, sc, layout, board), ...calloutMarks(data, spec, sc, layout, board)];
  const names = layout.labels === 'inline' ? inlineLabels(data, spec, sc, layout, board) : fixedNames;
  if (!names) return undefined;
  return {
    width: size.width,
    height: size.height,
    plot,
    marks: [...title, ...drawn, ...notes, ...names],
    ...(spec.explore ? { readout: readout(data, spec, sc) } : {}),
  };
}

/** The overdoses chart in one scene at one size: pure, DOM-free, serialisable. */
export function frame(data: OverdoseData, scene: OverdoseScene, size: Size): Frame {
  const spec: SceneSpec = SCENES[scene];
  // Names beside their lines read best; where they do not fit, a legend above the plot.
  const framed = compose(data, spec, size, false) ?? compose(data, spec, size, true);
  if (!framed) throw new Error(`overdoses: scene "${scene}" has no layout at size ${size.name}`);
  return framed;
}
