import type { Frame, ReadoutColumn } from './shared/marks';

/**
 * The fixed sizes a chart is laid out for. CSS shows the one whose width band contains the figure's
 * width (charts.css, container queries), and each scales with its viewBox. A size is shown from
 * `minWidth` CSS px up: its labels are laid out at `font` user units, which render at 12 CSS px or more
 * at that narrowest width; wider renderings get a smaller font in user units from charts.css, never a
 * larger one, so labels laid out at `font` never collide however wide the chart is drawn.
 */
export interface Size {
  readonly name: SizeName;
  readonly width: number;
  readonly height: number;
  /** The narrowest rendering, in CSS px, at which this size is shown (320 px screens for the smallest). */
  readonly minWidth: number;
  /** Label font size in user units: 12 CSS px at `minWidth` (the layout's worst case). */
  readonly font: number;
}

export type SizeName = 'compact' | 'medium' | 'wide';

/** The smallest chart text a reader gets, in CSS px, at any width (browser-tested from 320 to 1440 px). */
export const MIN_TEXT_PX = 12;

const size = (name: SizeName, width: number, height: number, minWidth: number): Size => ({
  name,
  width,
  height,
  minWidth,
  font: Math.ceil(((MIN_TEXT_PX * width) / minWidth) * 10) / 10,
});

/**
 * Phones (288–439 px of chart), tablets, small laptops and narrow columns (440–639), desktops and
 * the plain-article column (640 and up). The breakpoints are repeated in charts.css.
 */
export const SIZES: readonly Size[] = [size('compact', 340, 280, 288), size('medium', 560, 380, 440), size('wide', 760, 440, 640)];

/**
 * One visualization. `frame` is pure and DOM-free; the same frames are rendered to SVG at build
 * time and serialised for the browser, which only joins and tweens them (no d3 on the client).
 */
export interface ChartModule<TData, TScene extends string> {
  readonly id: string;
  /** Every scene a step may ask for; the content schema rejects any other. */
  readonly scenes: readonly TScene[];
  /** What the chart shows before the reader reaches its first step (e.g. empty axes, so the first line can draw in). */
  readonly entryScene: TScene;
  /** The scene in which the reader explores (the explore step's card holds the controls). */
  readonly exploreScene?: TScene;
  frame(data: TData, scene: TScene, size: Size): Frame;
  /** A text alternative for the chart in that scene. */
  describe(data: TData, scene: TScene): string;
}

/** Every scene's frame at every size, computed at build: what the build-time SVGs are drawn from. */
export type ChartFrames = Readonly<Record<SizeName, Readonly<Record<string, Frame>>>>;

/**
 * What the page serialises next to a figure: the words and numbers the browser needs that the build-time
 * SVGs do not carry. The frames themselves travel once, as those SVGs (each step's own chart); the
 * browser reads them back (src/scrolly/frames.ts). Only the entry scene, which no step shows, comes as JSON.
 */
export interface ChartPayload {
  readonly chart: string;
  readonly entryScene: string;
  readonly exploreScene?: string;
  /** The entry scene's frames (no step shows that scene, so no build-time SVG carries it), per size. */
  readonly entryFrames: Readonly<Record<SizeName, Frame>>;
  readonly descriptions: Readonly<Record<string, string>>;
  /** The explore scenes' readouts (year, values and their positions), per size. */
  readonly readouts: Readonly<Record<SizeName, Readonly<Record<string, readonly ReadoutColumn[]>>>>;
}
