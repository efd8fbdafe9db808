/**
 * The serialisable output of every chart's `frame()`: a flat, keyed list of SVG marks. Build time
 * turns it into an SVG string (`renderFrame`); the browser joins it into the live SVG (`applyFrame`,
 * in join.ts) and tweens between two of them (scrolly/motion.ts). Keys carry identity across
 * scenes, so a tick, a line or a label moves instead of being redrawn.
 */
/** `use` draws shared geometry written once into the page (a map's land, in the chart's defs). */
export type MarkTag = 'path' | 'line' | 'circle' | 'rect' | 'text' | 'use';
export type AttrValue = string | number;

export interface Mark {
  /** Stable identity across scenes and sizes, e.g. `series:heroin` or `y-tick:20000`. */
  readonly key: string;
  readonly tag: MarkTag;
  /** Geometry and presentation attributes; colours come from classes (tokens.css), never from here. */
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly cls?: string;
  readonly text?: string;
  /** The data series a mark belongs to, so a reader can hide it in the explore state. */
  readonly group?: string;
  /** Clip to the plot area. */
  readonly clip?: boolean;
  /** How the mark appears when it enters: `draw` traces a line from its start; default fades. */
  readonly enter?: 'draw' | 'fade';
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Exact values a reader can read at one x position in an explore state. */
export interface ReadoutColumn {
  readonly key: string;
  readonly x: number;
  readonly label: string;
  readonly values: readonly {
    readonly group: string;
    readonly label: string;
    /** The figure in words, for screen readers: "48,422 (provisional)", or "no verified figure". */
    readonly valueLabel: string;
    /** The figure as the chart prints it beside its dot ("48,422"); absent where there is none. */
    readonly value?: string;
    readonly provisional?: boolean;
    /** Absent where there is no figure for this position. */
    readonly y?: number;
  }[];
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  /** The plot area, also the clip rectangle. */
  readonly plot: Box;
  readonly marks: readonly Mark[];
  readonly readout?: readonly ReadoutColumn[];
}

/** The attributes an element for `mark` carries, in a fixed order, as strings. */
export function markAttributes(mark: Mark, idPrefix: string): [string, string][] {
  const out: [string, string][] = [['data-key', mark.key]];
  if (mark.cls) out.push(['class', mark.cls]);
  if (mark.group) out.push(['data-group', mark.group]);
  if (mark.clip) out.push(['clip-path', `url(#${clipId(idPrefix)})`]);
  if (mark.enter === 'draw') out.push(['data-enter', 'draw']);
  for (const [name, value] of Object.entries(mark.attrs)) out.push([name, String(value)]);
  return out;
}

export const clipId = (idPrefix: string): string => `${idPrefix}-plot`;

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** The inner markup of the chart's `<svg>` for a frame: clip definition, then marks in order. */
export function renderFrame(frame: Frame, idPrefix: string): string {
  const { x, y, width, height } = frame.plot;
  const defs = `<defs><clipPath id="${clipId(idPrefix)}"><rect x="${x}" y="${y}" width="${width}" height="${height}"></rect></clipPath></defs>`;
  const marks = frame.marks.map((mark) => {
    const attrs = markAttributes(mark, idPrefix)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    return `<${mark.tag}${attrs}>${mark.text === undefined ? '' : escapeText(mark.text)}</${mark.tag}>`;
  });
  return defs + marks.join('');
}

/** Rounds a coordinate to one decimal: enough for any screen, and stable in snapshots. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;

/** The marks of `frame` without the groups a reader has hidden. */
export function withoutGroups(frame: Frame, hidden: ReadonlySet<string>): Frame {
  if (hidden.size === 0) return frame;
  return { ...frame, marks: frame.marks.filter((m) => m.group === undefined || !hidden.has(m.group)) };
}
