/**
 * The deaths panel: all US overdose deaths per year, final counts, drawn across each calendar year as a
 * quiet step line (annual data never pretends to monthly precision), its name beside it, one gridline for
 * scale, and a note where the final counts end.
 */
import { fill, formatCompact } from '../shared/format';
import { textWidth } from '../shared/geometry';
import type { Mark } from '../shared/marks';
import { place, type Board, type Candidate } from '../shared/placement';
import type { DiplomacyData } from './data';
import { ri, type Layout } from './layout';
import { yearSpan } from './time';

/**
 * Annual counts drawn across their calendar years: flat for each year, a step between years. Only the years
 * the window shows (each static chart carries its own copy).
 */
export function deathsLine(data: DiplomacyData, l: Layout): Mark[] {
  const [from, to] = l.x.domain() as [Date, Date];
  const years = data.deaths.filter(({ year }) => {
    const [start, end] = yearSpan(year);
    return end > from && start < to;
  });
  if (years.length === 0) return [];
  const points = years.flatMap(({ year, value }) => {
    const y = ri(l.y(value));
    return yearSpan(year).map((d) => [ri(l.x(d)), y] as const);
  });
  return [
    {
      // Keyed by its years: where a new window shows other years, the line fades across rather than bending.
      key: `deaths-line:${years[0]!.year}-${years.at(-1)!.year}`,
      tag: 'path',
      cls: 'deaths-line',
      clip: true,
      attrs: { d: points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('') },
    },
  ];
}

/** Words broken at the space nearest their middle. */
function twoLines(text: string): string {
  const mid = text.length / 2;
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return text;
  const at = spaces.reduce((a, b) => (Math.abs(b - mid) < Math.abs(a - mid) ? b : a));
  return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
}

/** One text mark per line of a placed label (`key`, `key:2`), start-anchored. */
const textLines = (key: string, placed: Candidate, font: number, cls: string): Mark[] =>
  placed.text.split('\n').map((text, i) => ({
    key: i === 0 ? key : `${key}:${i + 1}`,
    tag: 'text',
    cls,
    text,
    attrs: { x: placed.x, y: ri(placed.y + i * 1.15 * font) },
  }));

/** The deaths line's height over [xa, xb] (user units), or undefined where it does not run. */
function lineSpan(data: DiplomacyData, l: Layout, xa: number, xb: number): [number, number] | undefined {
  const ys = data.deaths.flatMap(({ year, value }) => {
    const [from, to] = yearSpan(year).map((d) => l.x(d));
    return from! <= xb && to! >= xa ? [l.y(value)] : [];
  });
  return ys.length === 0 ? undefined : [Math.min(...ys), Math.max(...ys)];
}

/** The deaths panel's words: the line's name beside it, the gridline's value, and where the final counts end. */
export function deathsLabels(data: DiplomacyData, l: Layout, board: Board): { grid: Mark[]; labels: Mark[] } {
  const { font, base } = l;
  const { strings } = data;
  const bounds = { x0: 0, y0: l.laneBase + 1, x1: l.size.width, y1: base - 1 };
  const marks: Mark[] = [];
  const hugging = (text: string): Candidate[] => {
    const w = Math.max(...text.split('\n').map((t) => textWidth(t, font)));
    const lines = text.split('\n').length;
    const above: Candidate[] = [];
    const below: Candidate[] = [];
    for (let x = l.x0 + 2; x + w <= l.x1; x += font) {
      const span = lineSpan(data, l, x - 2, x + w + 2);
      if (!span) continue;
      above.push({ x: ri(x), y: ri(span[0] - 0.26 * font - 3 - (lines - 1) * 1.15 * font), anchor: 'start', text });
      below.push({ x: ri(x), y: ri(span[1] + 0.78 * font + 3), anchor: 'start', text });
    }
    return [...above, ...below];
  };
  // On one line where it fits beside the line; else over two (a rule may leave little room).
  const name = place([...hugging(strings.deaths), ...hugging(twoLines(strings.deaths))], font, board, bounds);
  if (name) marks.push(...textLines('deaths:t', name, font, 'deaths-label'));

  const last = data.deaths.at(-1);
  if (last) {
    const end = ri(l.x(yearSpan(last.year)[1]));
    const text = fill(strings.deathsEnd, { year: last.year });
    if (end > l.x0 && end + 40 < l.x1) {
      const y = l.y(last.value);
      const spot = place(
        [text, twoLines(text)].flatMap((t): Candidate[] => [
          { x: end + 5, y: ri(y + 0.34 * font), anchor: 'start', text: t },
          { x: end + 5, y: ri(y + 0.78 * font + 4), anchor: 'start', text: t },
          { x: end + 5, y: ri(y - 0.26 * font - 4 - (t.split('\n').length - 1) * 1.15 * font), anchor: 'start', text: t },
        ]),
        font,
        board,
        bounds,
      );
      if (spot) marks.push(...textLines('deaths:end', spot, font, 'deaths-note'));
    }
  }

  // One gridline gives the scale; it goes only where its value can be written.
  const grid: Mark[] = [];
  const value = l.y
    .ticks(4)
    .filter((v) => v > 0 && v < l.y.domain()[1]!)
    .at(-1);
  if (value !== undefined) {
    const gy = ri(l.y(value));
    const text = formatCompact(value, data.locale);
    // At either end of the gridline if there is room, else anywhere along it, clear of the rules.
    const xs = [l.x0 + 2, l.x1 - 2 - textWidth(text, font)];
    for (let x = l.x0 + 2 + font; x < l.x1 - textWidth(text, font); x += font) xs.push(x);
    const spot = place(
      xs.flatMap((x) => [gy - 3, gy + 0.78 * font + 3].map((y): Candidate => ({ x: ri(x), y: ri(y), anchor: 'start', text }))),
      font,
      board,
      bounds,
    );
    if (spot)
      grid.push(
        { key: 'grid', tag: 'line', cls: 'gridline', attrs: { x1: l.x0, x2: l.x1, y1: gy, y2: gy } },
        {
          key: 'grid:t',
          tag: 'text',
          cls: 'tick-label',
          text,
          attrs: { x: spot.x, y: spot.y, ...(spot.anchor === 'start' ? {} : { 'text-anchor': spot.anchor }) },
        },
      );
  }
  return { grid, labels: marks };
}
