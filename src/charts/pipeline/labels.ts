/**
 * Where the map's words may go: candidate positions around a point (a place's dot, a point on a flow, a
 * country's middle), nearest first, each with a text anchor that keeps the words hugging the point. The
 * frame places each label at its first candidate that touches no dot, route, border, inset or other label
 * (shared/placement.ts).
 */
import { LINE_HEIGHT, textWidth, type Anchor } from '../shared/geometry';
import type { Candidate } from '../shared/placement';

/** Directions from the point, in order of preference: beside, then on the diagonals, then above and below. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [0, -1],
  [0, 1],
];

/**
 * Candidates for `text` (lines split by newlines) around (x, y), at `gap` from the point and then in rings
 * further out. `centre`: try the words centred on the point first (a country's name in its middle).
 */
export function around(x: number, y: number, text: string, font: number, gap: number, rings = 3, centre = false): Candidate[] {
  const lines = text.split('\n');
  const height = (lines.length - 1) * LINE_HEIGHT * font + 1.04 * font;
  const width = Math.max(...lines.map((l) => textWidth(l, font)));
  const out: Candidate[] = [];
  if (centre) out.push({ x: Math.round(x), y: Math.round(y - height / 2 + 0.78 * font), anchor: 'middle', text });
  for (let ring = 0; ring < rings; ring++) {
    const d = gap + ring * 0.9 * font;
    for (const [sx, sy] of DIRECTIONS) {
      const diagonal = sx !== 0 && sy !== 0;
      const dx = sx * d * (diagonal ? 0.75 : 1);
      const dy = sy * d * (diagonal ? 0.75 : 1);
      const anchor: Anchor = sx > 0 ? 'start' : sx < 0 ? 'end' : 'middle';
      // The box's top: centred on the point beside it, above or below it otherwise.
      const top = sy === 0 ? y - height / 2 : sy < 0 ? y + dy - height : y + dy;
      out.push({ x: Math.round(x + dx), y: Math.round(top + 0.78 * font), anchor, text });
    }
  }
  // Wide labels also sit centred above or below, shifted sideways so they stay clear of the point.
  if (width > 0) {
    for (const sy of [-1, 1]) {
      const top = sy < 0 ? y - gap - height : y + gap;
      for (const shift of [0.25, -0.25])
        out.push({ x: Math.round(x + shift * width), y: Math.round(top + 0.78 * font), anchor: 'middle', text });
    }
  }
  return out;
}

/**
 * Candidates for several wordings of one label (longest first): ring by ring, every wording is tried at a
 * ring before the next ring out, so a shorter wording near its point wins over a longer one far away.
 */
export function aroundAll(
  x: number,
  y: number,
  texts: readonly string[],
  font: number,
  gap: number,
  rings = 3,
  centre = false,
): Candidate[] {
  const per = texts.map((text) => around(x, y, text, font, gap, rings, centre));
  const out: Candidate[] = [];
  for (let ring = 0; ring < rings; ring++) {
    for (const list of per) {
      const from = centre ? 1 : 0;
      if (ring === 0 && centre) out.push(list[0]!);
      out.push(...list.slice(from + ring * DIRECTIONS.length, from + (ring + 1) * DIRECTIONS.length));
    }
  }
  // Then the shifted places above and below, for each wording.
  for (const list of per) out.push(...list.slice((centre ? 1 : 0) + rings * DIRECTIONS.length));
  return out;
}
