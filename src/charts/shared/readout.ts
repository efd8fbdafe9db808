import { dodge } from './labels';
import type { Frame, Mark, ReadoutColumn } from './marks';

const seriesCls = (group: string): string => `series series--${group.replace(/_/g, '-')}`;

/**
 * Marks that read one column out on top of a frame: a rule at its x, a dot on each value and the
 * figure beside it (a hollow dot for a provisional count), figures moved apart so none covers another.
 * `font`: the frame's label size in user units.
 */
export function readoutMarks(frame: Frame, column: ReadoutColumn, hidden: ReadonlySet<string>, font: number): Mark[] {
  const { plot } = frame;
  const shown = column.values.filter((v) => v.y !== undefined && !hidden.has(v.group));
  // Figures go on the side of the rule with more room.
  const right = column.x < plot.x + plot.width * 0.6;
  const ys = dodge(
    shown.map((v) => (v.y ?? 0) + 0.34 * font),
    font * 1.1,
    plot.y + 0.8 * font,
    plot.y + plot.height,
  );
  return [
    { key: 'readout:rule', tag: 'line', cls: 'readout-rule', attrs: { x1: column.x, x2: column.x, y1: plot.y, y2: plot.y + plot.height } },
    ...shown.map((v): Mark => ({
      key: `readout:dot:${v.group}`,
      tag: 'circle',
      cls: `readout-dot ${seriesCls(v.group)}${v.provisional ? ' series-dot--provisional' : ''}`,
      attrs: { cx: column.x, cy: v.y ?? 0, r: 4 },
    })),
    ...shown.map((v, i): Mark => ({
      key: `readout:label:${v.group}`,
      tag: 'text',
      cls: `readout-label halo ${seriesCls(v.group)}`,
      text: v.value ?? v.valueLabel,
      attrs: {
        x: Math.round((column.x + (right ? 8 : -8)) * 10) / 10,
        y: Math.round(ys[i]! * 10) / 10,
        'text-anchor': right ? 'start' : 'end',
      },
    })),
  ];
}

/** The readout in words, for the slider's value text (read by screen readers). */
export function readoutText(column: ReadoutColumn, hidden: ReadonlySet<string>): string {
  const values = column.values.filter((v) => !hidden.has(v.group)).map((v) => `${v.label}: ${v.valueLabel}`);
  return `${column.label}. ${values.join('; ')}`;
}

/** The column nearest to an x position in the frame's coordinates. */
export function nearestColumn(columns: readonly ReadoutColumn[], x: number): number {
  let best = 0;
  columns.forEach((c, i) => {
    if (Math.abs(c.x - x) < Math.abs((columns[best]?.x ?? Infinity) - x)) best = i;
  });
  return best;
}
