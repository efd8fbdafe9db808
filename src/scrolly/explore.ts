import { withoutGroups, type Frame, type ReadoutColumn } from '../charts/shared/marks';
import { nearestColumn, readoutMarks, readoutText } from '../charts/shared/readout';
import { SIZES, type ChartPayload, type SizeName } from '../charts/types';

/**
 * The reader's own view of a chart's explore state: which series are hidden and which year is read
 * out. One per section; the controls (a year slider and a toggle per series, in the explore step's
 * card) drive every chart that shows that state: the pinned chart when it is there, and the explore
 * step's own chart where steps are unrolled.
 */
export interface Explore {
  /** `frame` with the reader's choices applied: hidden series removed, the chosen year's rule and dots added. */
  decorate(frame: Frame): Frame;
  /** A chart that shows explore states: redrawn when the reader changes something; a pointer on it picks a year. */
  attach(
    svgs: readonly SVGSVGElement[],
    redraw: (animate: boolean) => void,
    readoutOf: (svg: SVGSVGElement) => readonly ReadoutColumn[] | undefined,
  ): void;
  /** Shows the controls (or hides them); a fresh visit reads out nothing until the reader asks. */
  setVisible(visible: boolean): void;
  destroy(): void;
}

interface Panel {
  readonly root: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly year: HTMLElement;
  readonly toggles: readonly HTMLButtonElement[];
}

function findPanel(within: ParentNode): Panel | undefined {
  const root = within.querySelector<HTMLElement>('[data-explore][data-explore-kind="series"]');
  const slider = root?.querySelector<HTMLInputElement>('input[type="range"]');
  const year = root?.querySelector<HTMLElement>('[data-explore-year]');
  if (!root || !slider || !year) return undefined;
  return { root, slider, year, toggles: [...root.querySelectorAll<HTMLButtonElement>('button[data-group]')] };
}

export function mountExplore(section: ParentNode, payload: ChartPayload): Explore | undefined {
  const panel = findPanel(section);
  // The year labels and values are the same at every size; only x differs.
  const columns = Object.values(payload.readouts.compact).at(0);
  if (!panel || !columns) return undefined;
  const hidden = new Set<string>();
  let column = -1;
  const redraws: ((animate: boolean) => void)[] = [];
  const listeners = new AbortController();
  const { signal } = listeners;

  function update(): void {
    const i = column < 0 ? columns!.length - 1 : column;
    const col = columns![i];
    if (!col) return;
    panel!.slider.max = String(columns!.length - 1);
    panel!.slider.value = String(i);
    panel!.slider.setAttribute('aria-valuetext', readoutText(col, hidden));
    panel!.year.textContent = col.label;
    for (const button of panel!.toggles) {
      const group = button.dataset['group'] ?? '';
      button.setAttribute('aria-pressed', String(!hidden.has(group)));
    }
  }
  const redraw = (animate: boolean) => {
    for (const r of redraws) r(animate);
  };
  const select = (i: number) => {
    column = i;
    update();
    redraw(false);
  };

  panel.slider.addEventListener('input', () => select(Number(panel.slider.value)), { signal });
  for (const button of panel.toggles) {
    button.addEventListener(
      'click',
      () => {
        const group = button.dataset['group'] ?? '';
        if (hidden.has(group)) hidden.delete(group);
        else hidden.add(group);
        update();
        redraw(true);
      },
      { signal },
    );
  }
  update();

  return {
    decorate(frame) {
      const visible = withoutGroups(frame, hidden);
      const col = frame.readout?.[column];
      const font = SIZES.find((s) => s.width === frame.width)?.font ?? 12;
      return col ? { ...visible, marks: [...visible.marks, ...readoutMarks(frame, col, hidden, font)] } : visible;
    },
    attach(svgs, draw, readoutOf) {
      redraws.push(draw);
      for (const svg of svgs) {
        const pick = (event: PointerEvent) => {
          const cols = readoutOf(svg);
          const ctm = svg.getScreenCTM();
          if (!cols || !ctm) return;
          const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()).x;
          select(nearestColumn(cols, x));
        };
        svg.addEventListener('pointermove', pick, { signal });
        svg.addEventListener('pointerdown', pick, { signal });
      }
    },
    setVisible(visible) {
      if (visible && panel.root.hidden) column = -1;
      panel.root.hidden = !visible;
      update();
    },
    destroy() {
      listeners.abort();
      panel.root.hidden = true;
    },
  };
}

/**
 * Which of a figure's SVGs are on screen (CSS shows one size), kept by a ResizeObserver so a step change
 * never reads layout. `onShown` runs when a size comes on screen (the window was resized), before it is
 * painted: charts bring a size up to date only when it shows.
 */
export function onScreenTracker(
  svgs: readonly SVGSVGElement[],
  onShown: (svg: SVGSVGElement) => void = () => {},
): { has(svg: SVGSVGElement): boolean; disconnect(): void } {
  const onScreen = new Set<Element>();
  const observer = new ResizeObserver((entries) => {
    for (const e of entries) {
      const shown = e.contentRect.width > 0 && e.contentRect.height > 0;
      if (shown && !onScreen.has(e.target)) {
        onScreen.add(e.target);
        onShown(e.target as SVGSVGElement);
      } else if (!shown) onScreen.delete(e.target);
    }
  });
  for (const svg of svgs) {
    observer.observe(svg);
    if (svg.getClientRects().length > 0) onScreen.add(svg); // until the observer's first report
  }
  return { has: (svg) => onScreen.has(svg), disconnect: () => observer.disconnect() };
}

export const sizeOf = (svg: SVGSVGElement): SizeName => svg.dataset['size'] as SizeName;
