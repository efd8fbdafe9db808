import type { Frame, Mark, ReadoutColumn } from './marks';

/** Marks that show one readout column on top of a frame: a rule at its x and a dot on each value. */
export function readoutMarks(frame: Frame, column: ReadoutColumn, hidden: ReadonlySet<string>): Mark[] {
  const { plot } = frame;
  const dots = column.values.flatMap((v): Mark[] =>
    v.y === undefined || hidden.has(v.group)
      ? []
      : [
          {
            key: `readout:dot:${v.group}`,
            tag: 'circle',
            cls: `readout-dot series series--${v.group.replace(/_/g, '-')}`,
            attrs: { cx: column.x, cy: v.y, r: 4 },
          },
        ],
  );
  return [
    { key: 'readout:rule', tag: 'line', cls: 'readout-rule', attrs: { x1: column.x, x2: column.x, y1: plot.y, y2: plot.y + plot.height } },
    ...dots,
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
