import { describe, expect, it } from 'vitest';
import { labelCollisions } from './collisions';
import { clipSegment, labelRect, pathSegments, segmentHitsRect, textRect, textWidth } from './geometry';
import type { Frame } from './marks';
import { emptyBoard, place, placeAll, type Candidate } from './placement';

const box = { x0: 0, y0: 0, x1: 100, y1: 100 };

describe('geometry', () => {
  it('textRect spans the ascender to the descender, placed by its anchor', () => {
    expect(textRect(50, 20, 40, 10, 'start')).toEqual({ x0: 50, y0: 12.2, x1: 90, y1: 22.6 });
    expect(textRect(50, 20, 40, 10, 'middle')).toMatchObject({ x0: 30, x1: 70 });
    expect(textRect(50, 20, 40, 10, 'end')).toMatchObject({ x0: 10, x1: 50 });
  });
  it('labelRect grows by a line for every line break, as wide as the longest line', () => {
    const one = labelRect('48,422', 0, 20, 10, 'start');
    const two = labelRect('48,422\n(provisional)', 0, 20, 10, 'start');
    expect(two.y1 - one.y1).toBeCloseTo(11.5);
    expect(two.x1).toBeCloseTo(textWidth('(provisional)', 10));
  });
  it('textWidth is wider for wide letters and digits than for narrow ones', () => {
    expect(textWidth('WWW', 10)).toBeGreaterThan(textWidth('iii', 10));
    expect(textWidth('2024', 12)).toBeCloseTo(4 * 0.63 * 12);
  });
  it('clipSegment keeps the part of a segment inside a box, or nothing', () => {
    expect(clipSegment({ x1: -50, y1: 50, x2: 150, y2: 50 }, box)).toEqual({ x1: 0, y1: 50, x2: 100, y2: 50 });
    expect(clipSegment({ x1: 150, y1: 0, x2: 150, y2: 100 }, box)).toBeUndefined();
    expect(segmentHitsRect({ x1: -10, y1: -10, x2: 110, y2: 110 }, { x0: 40, y0: 40, x1: 60, y1: 60 })).toBe(true);
    expect(segmentHitsRect({ x1: 0, y1: 100, x2: 30, y2: 70 }, { x0: 40, y0: 40, x1: 60, y1: 60 })).toBe(false);
  });
  it('pathSegments reads the M/L path data d3-shape writes, gaps included', () => {
    expect(pathSegments('M0,0L10,5L20,5M30,0L40,10')).toEqual([
      { x1: 0, y1: 0, x2: 10, y2: 5 },
      { x1: 10, y1: 5, x2: 20, y2: 5 },
      { x1: 30, y1: 0, x2: 40, y2: 10 },
    ]);
  });
});

describe('place(candidates, font, board, bounds)', () => {
  const at = (x: number, y: number, text = 'label'): Candidate => ({ x, y, anchor: 'start', text });
  it('takes the first candidate clear of lines, points and labels, inside the bounds', () => {
    const board = emptyBoard();
    board.segments.push({ x1: 0, y1: 20, x2: 100, y2: 20 });
    board.rects.push({ x0: 0, y0: 40, x1: 100, y1: 44 });
    const placed = place([at(5, 24), at(200, 70), at(5, 44), at(5, 70)], 10, board, box);
    expect(placed).toMatchObject({ x: 5, y: 70 });
    expect(board.labels).toHaveLength(1);
    // The next label avoids the first.
    expect(place([at(5, 70), at(5, 90)], 10, board, box)).toMatchObject({ y: 90 });
  });
  it('gives up when no candidate is free', () => {
    const board = emptyBoard();
    board.segments.push({ x1: 0, y1: 50, x2: 100, y2: 50 });
    expect(place([at(5, 52)], 10, board, box)).toBeUndefined();
  });
  it('placeAll backs up when an earlier label would block a later one', () => {
    const board = emptyBoard();
    // The second label has one place, at y=30 with a leader down to y=95 at x=50; greedily, the first would take it.
    const first: Candidate[] = [
      { x: 20, y: 30, anchor: 'start', text: 'aaaaaaa' },
      { x: 55, y: 70, anchor: 'start', text: 'aaaaaaa' },
    ];
    const second: Candidate[] = [{ x: 50, y: 30, anchor: 'start', text: 'bb', leader: { x1: 50, y1: 34, x2: 50, y2: 95 } }];
    const placed = placeAll([first, second], 10, board, box);
    expect(placed?.map((p) => p.y)).toEqual([70, 30]);
    expect(place([...first], 10, emptyBoard(), box)?.y).toBe(30);
  });
});

describe('labelCollisions(frame, font)', () => {
  const frame = (marks: Frame['marks']): Frame => ({ width: 100, height: 100, plot: { x: 0, y: 0, width: 100, height: 100 }, marks });
  it('finds a label on a line, on a point and on another label, and nothing when all are apart', () => {
    const line = { key: 'line:a', tag: 'path', attrs: { d: 'M0,50L100,50' } } as const;
    const dot = { key: 'dot:a', tag: 'circle', attrs: { cx: 80, cy: 10, r: 3 } } as const;
    const clear = { key: 'label:a', tag: 'text', text: 'ok', attrs: { x: 5, y: 20 } } as const;
    expect(labelCollisions(frame([line, dot, clear]), 10)).toEqual([]);
    const onLine = { key: 'label:b', tag: 'text', text: 'on', attrs: { x: 5, y: 53 } } as const;
    const onDot = { key: 'label:c', tag: 'text', text: 'dot', attrs: { x: 78, y: 13 } } as const;
    const onLabel = { key: 'label:d', tag: 'text', text: 'ok', attrs: { x: 8, y: 22 } } as const;
    expect(labelCollisions(frame([line, dot, clear, onLine, onDot, onLabel]), 10)).toEqual([
      'label label:a overlaps label label:d',
      'label label:b ("on") lies on line:a',
      'label label:c ("dot") lies on dot:a',
    ]);
  });
  it('lets a label sit on a gridline (its halo covers it), and ignores a clipped line outside the plot', () => {
    const grid = { key: 'y-grid:1', tag: 'line', cls: 'gridline', attrs: { x1: 0, x2: 100, y1: 20, y2: 20 } } as const;
    const clipped = { key: 'line:a', tag: 'path', clip: true, attrs: { d: 'M0,-30L100,-30' } } as const;
    const label = { key: 'label:a', tag: 'text', text: 'ok', attrs: { x: 5, y: 22 } } as const;
    const above = { key: 'label:b', tag: 'text', text: 'up', attrs: { x: 5, y: -28 } } as const;
    expect(labelCollisions(frame([grid, clipped, label, above]), 10)).toEqual([]);
  });
});
