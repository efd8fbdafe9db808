/**
 * Greedy label placement: each label takes the first of its candidate positions whose box stays
 * inside the allowed area and touches no line, point or label already on the board. Charts list
 * candidates in order of preference (beside the point, then above it, then further away with a
 * leader), so placement is deterministic and pure.
 */
import { r1, type Mark } from './marks';
import { grow, inside, labelRect, LINE_HEIGHT, rectsOverlap, segmentHitsRect, type Anchor, type Rect, type Segment } from './geometry';

export interface Candidate {
  readonly x: number;
  /** Baseline (of the first line). */
  readonly y: number;
  readonly anchor: Anchor;
  /** The words; a newline breaks the label into lines (the chart draws one text mark per line). */
  readonly text: string;
  /** A line from the label to what it names; it must not cross another label either. */
  readonly leader?: Segment;
}

export interface Placed extends Candidate {
  readonly rect: Rect;
}

/** The marks already drawn (segments, dot boxes) and labels already placed, for one frame. */
export interface Board {
  readonly segments: Segment[];
  readonly rects: Rect[];
  readonly labels: Rect[];
}

export const emptyBoard = (): Board => ({ segments: [], rects: [], labels: [] });

/** Space kept clear around a label: its halo, plus a little air. */
const CLEARANCE = 1.5;

function fits(c: Candidate, font: number, board: Board, bounds: Rect): Rect | undefined {
  const rect = labelRect(c.text, c.x, c.y, font, c.anchor);
  if (!inside(rect, bounds)) return undefined;
  const padded = grow(rect, CLEARANCE);
  if (board.labels.some((r) => rectsOverlap(padded, r))) return undefined;
  if (board.rects.some((r) => rectsOverlap(padded, r))) return undefined;
  if (board.segments.some((s) => segmentHitsRect(s, padded))) return undefined;
  if (c.leader && board.labels.some((r) => segmentHitsRect(c.leader!, r))) return undefined;
  return rect;
}

/** Puts the label at its first free candidate and records it on the board; undefined when none is free. */
export function place(candidates: readonly Candidate[], font: number, board: Board, bounds: Rect): Placed | undefined {
  for (const c of candidates) {
    const rect = fits(c, font, board, bounds);
    if (!rect) continue;
    board.labels.push(rect);
    if (c.leader) board.segments.push(c.leader);
    return { ...c, rect };
  }
  return undefined;
}

/**
 * Places several labels that may block one another (a label's leader can cross another's words):
 * a depth-first search over their candidates, in the given order, that backs up when a later label
 * finds no room. Returns one placement per label, or undefined when there is none within `budget` tries.
 */
export function placeAll(
  groups: readonly (readonly Candidate[])[],
  font: number,
  board: Board,
  bounds: Rect,
  budget = 20_000,
): Placed[] | undefined {
  let tries = 0;
  const search = (i: number, trial: Board): Placed[] | undefined => {
    if (i === groups.length) return [];
    for (const c of groups[i]!) {
      if (++tries > budget) return undefined;
      const rect = fits(c, font, trial, bounds);
      if (!rect) continue;
      const next: Board = {
        segments: c.leader ? [...trial.segments, c.leader] : trial.segments,
        rects: trial.rects,
        labels: [...trial.labels, rect],
      };
      const rest = search(i + 1, next);
      if (rest) return [{ ...c, rect }, ...rest];
    }
    return undefined;
  };
  const found = search(0, board);
  if (!found) return undefined;
  for (const p of found) {
    board.labels.push(p.rect);
    if (p.leader) board.segments.push(p.leader);
  }
  return found;
}

/** The text marks of a placed label: one per line, keyed `key`, `key:2`, … (so the first line keeps its key across wordings). */
export function labelMarks(key: string, placed: Candidate, font: number, cls: string): Mark[] {
  return placed.text.split('\n').map((line, i) => ({
    key: i === 0 ? key : `${key}:${i + 1}`,
    tag: 'text' as const,
    cls,
    text: line,
    attrs: { x: placed.x, y: r1(placed.y + i * LINE_HEIGHT * font), 'text-anchor': placed.anchor },
  }));
}
