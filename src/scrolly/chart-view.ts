import type { Frame } from '../charts/shared/marks';
import type { ChartPayload } from '../charts/types';
import { onScreenTracker, sizeOf, type Explore } from './explore';
import type { FrameStore } from './frames';
import type { Motion } from './motion';
import { drawStepFigure } from './step-figures';

export interface ChartView {
  readonly scene: () => string;
  /** Puts the chart in `scene`; `animate` asks for a tween (motion may still refuse). The live region says `announcement`, or the scene's description. */
  show(scene: string, animate: boolean, announcement?: string): void;
  /** Removes every listener the view added. */
  destroy(): void;
}

/**
 * Adopts the pinned, prerendered figure: its SVGs (one per size; CSS shows one), the serialised frames
 * and the live region. In a scene with a readout, the section's explore controls apply to it.
 * Nothing is rebuilt from scratch.
 */
export function mountChart(
  figure: HTMLElement,
  payload: ChartPayload,
  frames: FrameStore,
  motion: Motion,
  explore: Explore | undefined,
): ChartView {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg[data-size]')];
  const live = figure.querySelector<HTMLElement>('[data-chart-live]');
  let scene = figure.dataset['scene'] ?? payload.entryScene;
  const explores = (s: string) => explore !== undefined && frames.explores(s);
  const sizes = followOnScreen(
    svgs,
    (svg, animate) => {
      const size = sizeOf(svg);
      const frame: Frame | undefined = frames.get(scene, size);
      if (frame) motion.transition(svg, explores(scene) ? explore!.decorate(frame) : frame, svg.dataset['idPrefix'] ?? size, animate);
      // A wider size's frames are still on their way: draw the scene the reader is in when they arrive.
      else
        void frames.load(size).then(() => {
          if (frames.get(scene, size)) sizes.render(false);
        });
    },
    // The size on screen fetches its frames at once (if the page does not carry them), before the first step needs them.
    (svg) => void frames.load(sizeOf(svg)),
  );
  const render = sizes.render;
  explore?.attach(
    svgs,
    (animate) => {
      if (explores(scene)) render(animate);
    },
    (svg) => (explores(scene) ? frames.get(scene, sizeOf(svg))?.readout : undefined),
  );

  return {
    scene: () => scene,
    destroy: () => sizes.disconnect(),
    show(next, animate, announcement) {
      if (next === scene && figure.dataset['scene'] === next) return;
      scene = next;
      figure.dataset['scene'] = next;
      const description = payload.descriptions[next] ?? '';
      for (const svg of svgs) {
        const desc = svg.querySelector('desc');
        if (desc) desc.textContent = description;
      }
      if (live) live.textContent = announcement ?? description;
      explore?.setVisible(explores(next));
      render(animate);
    },
  };
}

/**
 * The unrolled steps' own charts in an explore scene (where steps are followed by their charts):
 * the explore controls apply to them too.
 */
export function mountStepFigures(section: ParentNode, frames: FrameStore, motion: Motion, explore: Explore): () => void {
  const trackers: (() => void)[] = [];
  for (const fig of section.querySelectorAll<HTMLElement>('[data-step-figure]')) {
    const scene = fig.dataset['stepFigure'] ?? '';
    if (!frames.explores(scene)) continue;
    drawStepFigure(fig);
    const svgs = [...fig.querySelectorAll<SVGSVGElement>('svg[data-size]')];
    const sizes = followOnScreen(svgs, (svg, animate) => {
      const frame = frames.get(scene, sizeOf(svg));
      if (frame) motion.transition(svg, explore.decorate(frame), svg.dataset['idPrefix'] ?? sizeOf(svg), animate);
    });
    trackers.push(sizes.disconnect);
    explore.attach(svgs, sizes.render, (svg) => frames.get(scene, sizeOf(svg))?.readout);
  }
  return () => trackers.forEach((d) => d());
}

/**
 * Keeps a figure's SVGs (one per size; CSS shows one) in step with what `draw` draws: the size on screen
 * at once, a hidden size (display: none) only when it comes on screen (the window was resized), before it
 * is painted. A change then joins one SVG, not three. `shown` hears of each SVG on screen (at once, then as
 * sizes change).
 */
function followOnScreen(
  svgs: readonly SVGSVGElement[],
  draw: (svg: SVGSVGElement, animate: boolean) => void,
  shown: (svg: SVGSVGElement) => void = () => {},
): { render(animate: boolean): void; disconnect(): void } {
  const stale = new Set<SVGSVGElement>();
  const onScreen = onScreenTracker(svgs, (svg) => {
    shown(svg);
    if (stale.delete(svg)) draw(svg, false);
  });
  for (const svg of svgs) if (onScreen.has(svg)) shown(svg);
  return {
    render(animate) {
      for (const svg of svgs) {
        if (onScreen.has(svg)) draw(svg, animate);
        else stale.add(svg);
      }
    },
    disconnect: () => onScreen.disconnect(),
  };
}
