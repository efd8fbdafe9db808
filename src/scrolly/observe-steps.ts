import scrollama from 'scrollama';

export interface StepEvent {
  readonly index: number;
  readonly direction: 'up' | 'down';
  readonly kind: 'enter' | 'exit';
}

/**
 * The only file that knows scrollama. Reports steps crossing the trigger line, `offset` (0–1) of the
 * viewport height from the top. Returns a disposer. Scrollama's own types only allow tenths, so
 * the options are typed here.
 */
export function observeSteps(
  steps: readonly HTMLElement[],
  offset: number,
  onStep: (e: StepEvent) => void,
): { resize(): void; dispose(): void } {
  const scroller = scrollama();
  let live = false;
  let disposed = false;
  // Set up once the fonts are in: scrollama re-creates a step's ResizeObserver inside that observer's own
  // callback when the step's height changes, which browsers report as a "ResizeObserver loop" error, and text
  // reflowing as a font arrives is what changes step heights at load. The active step comes from position
  // meanwhile (controller.ts), so nothing waits on this.
  void document.fonts.ready.then(() => {
    if (disposed) return;
    scroller
      .setup({ step: [...steps], offset: offset as scrollama.DecimalType })
      .onStepEnter(({ index, direction }) => onStep({ index, direction, kind: 'enter' }))
      .onStepExit(({ index, direction }) => onStep({ index, direction, kind: 'exit' }));
    live = true;
  });
  return {
    resize: () => {
      if (live) scroller.resize();
    },
    dispose: () => {
      disposed = true;
      if (live) scroller.destroy();
    },
  };
}

/** The step a reader is on, from position alone: the last one whose top is above the trigger line (-1: none yet). */
export function stepAtLine(steps: readonly HTMLElement[], lineY: number): number {
  let active = -1;
  steps.forEach((step, i) => {
    if (step.getBoundingClientRect().top <= lineY) active = i;
  });
  return active;
}
