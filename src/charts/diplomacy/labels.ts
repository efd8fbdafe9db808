/**
 * Labels for the emphasised events: the date over the short label, in rows above the lane, each on a
 * rule that runs down through its dot to the axis. A label hangs from its rule like a flag (starting
 * just right of it, or ending just left of it), or sits centred above it. Every arrangement of a
 * handful of labels is tried; the one that takes the least height wins, and in it no two labels
 * overlap and no rule crosses a label.
 */
import { ri } from './layout';
import { labelRect, LINE_HEIGHT, textWidth, type Anchor, type Rect } from '../shared/geometry';

export interface EventLabelInput {
  readonly id: string;
  /** The event's x (its dot and rule). */
  readonly x: number;
  readonly date: string;
  readonly name: string;
}

export interface PlacedEventLabel {
  readonly id: string;
  readonly x: number;
  readonly lines: readonly string[];
  readonly anchor: Anchor;
  /** Where the text is anchored, and the first line's baseline. */
  readonly textX: number;
  readonly baseline: number;
  readonly rect: Rect;
  /** The rule's top: the label's top for a flag, just under the label when it is centred above the rule. */
  readonly ruleTop: number;
}

/** Gap between a flag's rule and its words; between two labels in a row; between rows. */
const FLAG_GAP = 4;
const ROW_GAP_EM = 0.35;

/** The short label on one line, or broken over two where that is narrower. */
function forms(date: string, name: string, font: number): string[][] {
  const one = [date, name];
  const words = name.split(' ');
  if (words.length < 2) return [one];
  let best: string[] | undefined;
  for (let i = 1; i < words.length; i++) {
    const two = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...two.map((t) => textWidth(t, font)));
    if (!best || w < Math.max(...best.map((t) => textWidth(t, font)))) best = two;
  }
  return best && Math.max(...best.map((t) => textWidth(t, font))) < textWidth(name, font) ? [one, [date, ...best]] : [one];
}

const labelHeight = (lines: number, font: number): number => (1.04 + (lines - 1) * LINE_HEIGHT) * font;

interface Option {
  readonly lines: readonly string[];
  readonly anchor: Anchor;
  readonly textX: number;
  readonly x0: number;
  readonly x1: number;
  readonly row: number;
  readonly cost: number;
}

/**
 * Places the labels in rows whose lowest one ends at `bottom` and whose highest one starts no higher
 * than `top`, within [0, width]. Undefined when no arrangement fits.
 */
export function placeEventLabels(
  inputs: readonly EventLabelInput[],
  font: number,
  width: number,
  top: number,
  bottom: number,
): PlacedEventLabel[] | undefined {
  const n = inputs.length;
  if (n === 0) return [];
  const options = inputs.map((input) =>
    forms(input.date, input.name, font).flatMap((lines, f) =>
      (['start', 'end', 'middle'] as const).flatMap((anchor, a) => {
        const textX = anchor === 'start' ? input.x + FLAG_GAP : anchor === 'end' ? input.x - FLAG_GAP : input.x;
        const rect = labelRect(lines.join('\n'), textX, 0, font, anchor);
        if (rect.x0 < 0 || rect.x1 > width) return [];
        return Array.from({ length: n }, (_, row) => ({ lines, anchor, textX, x0: rect.x0, x1: rect.x1, row, cost: f * 0.5 + a * 0.1 }));
      }),
    ),
  );
  if (options.some((o) => o.length === 0)) return undefined;

  const rowHeights = (picks: readonly Option[]) => {
    const heights: number[] = [];
    for (const p of picks) heights[p.row] = Math.max(heights[p.row] ?? 0, labelHeight(p.lines.length, font));
    return heights;
  };
  const valid = (picks: readonly Option[]): boolean => {
    for (let i = 0; i < picks.length; i++) {
      for (let j = 0; j < picks.length; j++) {
        if (i === j) continue;
        const [a, b] = [picks[i]!, picks[j]!];
        if (a.row === b.row && a.x0 < b.x1 + font * 0.6 && b.x0 < a.x1 + font * 0.6) return false;
        // b's rule runs down from b's top (a flag) or from under b (centred): it must miss every label below it.
        const below = a.row < b.row || (a.row === b.row && b.anchor !== 'middle');
        const rx = inputs[j]!.x;
        if (below && rx >= a.x0 - 2 && rx <= a.x1 + 2) return false;
      }
    }
    return true;
  };

  let best: { picks: Option[]; score: number } | undefined;
  const room = bottom - top;
  const search = (i: number, picks: Option[]) => {
    if (i === n) {
      const heights = rowHeights(picks);
      // Rows in use are consecutive from the lane up (an empty row between two would be wasted room).
      if (Array.from(heights).some((h) => h === undefined)) return;
      const height = heights.reduce((s, h) => s + h, 0) + (heights.length - 1) * ROW_GAP_EM * font;
      if (height > room) return;
      const score = height + picks.reduce((s, p) => s + p.cost, 0);
      if (!best || score < best.score) best = { picks: [...picks], score };
      return;
    }
    for (const o of options[i]!) {
      picks.push(o);
      if (valid(picks)) search(i + 1, picks);
      picks.pop();
    }
  };
  search(0, []);
  if (!best) return undefined;

  const heights = rowHeights(best.picks);
  const rowBottoms: number[] = [];
  let at = bottom;
  for (const h of heights) {
    rowBottoms.push(at);
    at -= h + ROW_GAP_EM * font;
  }
  return best.picks.map((p, i) => {
    const rowBottom = rowBottoms[p.row]!;
    const baseline = ri(rowBottom - 0.26 * font - (p.lines.length - 1) * LINE_HEIGHT * font);
    const rect = labelRect(p.lines.join('\n'), p.textX, baseline, font, p.anchor);
    return {
      id: inputs[i]!.id,
      x: inputs[i]!.x,
      lines: p.lines,
      anchor: p.anchor,
      textX: ri(p.textX),
      baseline,
      rect,
      ruleTop: ri(p.anchor === 'middle' ? rect.y1 + 2 : rect.y0),
    };
  });
}
