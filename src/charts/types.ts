import type { Frame } from './shared/marks';

/** The fixed sizes a chart is laid out for. CSS shows the one that fits; each scales with its viewBox. */
export interface Size {
  readonly name: SizeName;
  readonly width: number;
  readonly height: number;
}
export type SizeName = 'compact' | 'wide';

/** Phones get a short, narrow frame with larger relative type; wider screens get room for labels. */
export const SIZES: readonly Size[] = [
  { name: 'compact', width: 360, height: 300 },
  { name: 'wide', width: 720, height: 460 },
];

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
  frame(data: TData, scene: TScene, size: Size): Frame;
  /** A text alternative for the chart in that scene. */
  describe(data: TData, scene: TScene): string;
}

/** What the page serialises next to a figure: every scene's frame at every size, plus descriptions. */
export interface ChartPayload {
  readonly chart: string;
  readonly entryScene: string;
  readonly frames: Readonly<Record<SizeName, Readonly<Record<string, Frame>>>>;
  readonly descriptions: Readonly<Record<string, string>>;
}
