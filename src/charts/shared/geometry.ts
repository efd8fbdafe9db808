/**
 * Plane geometry for label layout, in a frame's user units: the boxes labels take, the segments
 * lines and rules draw, and whether two of them touch. Pure; used by `frame()` to place labels and
 * by the tests that check no label lands on another label, a line or a point.
 */
import type { Box, Mark } from './marks';

export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/**
 * Advance widths of Inter (the chart font) in em, by character class, measured in Chromium at weight
 * 600 (the heaviest chart labels use); a little generous, so an estimate never undershoots.
 */
function charWidth(c: string): number {
  if (/[0-9]/.test(c)) return 0.63;
  if (/[il.,:;'’|!·]/.test(c)) return 0.3;
  if (/[fjrt()\-–]/.test(c)) return 0.42;
  if (c === ' ') return 0.28;
  if (/[mwMW]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.72;
  return 0.6;
}

/** Width of a label in user units at font size `font`, for layout before any DOM exists. */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * font;
}

/** Baseline-to-baseline distance of a label's lines, in ems. */
export const LINE_HEIGHT = 1.15;

/** The box a label takes: from its first line's ascender to its last line's descender, around the baseline `y` of the first. */
export function textRect(x: number, y: number, width: number, font: number, anchor: Anchor, lines = 1): Rect {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x0, y0: y - 0.78 * font, x1: x0 + width, y1: y + (lines - 1) * LINE_HEIGHT * font + 0.26 * font };
}

/** The box of a label whose lines are separated by newlines. */
export function labelRect(text: string, x: number, y: number, font: number, anchor: Anchor): Rect {
  const lines = text.split('\n');
  return textRect(x, y, Math.max(...lines.map((l) => textWidth(l, font))), font, anchor, lines.length);
}

export const grow = (r: Rect, by: number): Rect => ({ x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by });

export const rectsOverlap = (a: Rect, b: Rect): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export const inside = (r: Rect, bounds: Rect): boolean => r.x0 >= bounds.x0 && r.x1 <= bounds.x1 && r.y0 >= bounds.y0 && r.y1 <= bounds.y1;

export const boxRect = (b: Box): Rect => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });

/** The part of a segment inside `r` (Liang–Barsky), or undefined when it misses. */
export function clipSegment(s: Segment, r: Rect): Segment | undefined {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - r.x0],
    [dx, r.x1 - s.x1],
    [-dy, s.y1 - r.y0],
    [dy, r.y1 - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  return { x1: s.x1 + t0 * dx, y1: s.y1 + t0 * dy, x2: s.x1 + t1 * dx, y2: s.y1 + t1 * dy };
}

export const segmentHitsRect = (s: Segment, r: Rect): boolean => clipSegment(s, r) !== undefined;

/** The straight segments of path data made of M and L commands (what d3-shape's linear curve writes). */
export function pathSegments(d: string): Segment[] {
  const out: Segment[] = [];
  let at: [number, number] | undefined;
  for (const m of d.matchAll(/([ML])\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/g)) {
    const p: [number, number] = [Number(m[2]), Number(m[3])];
    if (m[1] === 'L' && at) out.push({ x1: at[0], y1: at[1], x2: p[0], y2: p[1] });
    at = p;
  }
  return out;
}

const num = (m: Mark, a: string): number => Number(m.attrs[a] ?? 0);

/** What a mark draws, as segments (lines, paths) or a box (dots): obstacles for labels. */
export function markShape(m: Mark): { segments: Segment[]; rects: Rect[] } {
  if (m.tag === 'line') return { segments: [{ x1: num(m, 'x1'), y1: num(m, 'y1'), x2: num(m, 'x2'), y2: num(m, 'y2') }], rects: [] };
  if (m.tag === 'path') return { segments: pathSegments(String(m.attrs['d'] ?? '')), rects: [] };
  if (m.tag === 'circle') {
    const [cx, cy, r] = [num(m, 'cx'), num(m, 'cy'), num(m, 'r')];
    return { segments: [], rects: [{ x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r }] };
  }
  if (m.tag === 'rect') {
    const [x, y] = [num(m, 'x'), num(m, 'y')];
    return { segments: [], rects: [{ x0: x, y0: y, x1: x + num(m, 'width'), y1: y + num(m, 'height') }] };
  }
  return { segments: [], rects: [] };
}

/** The box of a text mark at label size `font`, from its attributes. */
export function textMarkRect(m: Mark, font: number): Rect {
  const anchor = (m.attrs['text-anchor'] ?? 'start') as Anchor;
  return textRect(num(m, 'x'), num(m, 'y'), textWidth(m.text ?? '', font), font, anchor);
}
