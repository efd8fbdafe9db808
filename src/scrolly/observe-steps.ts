import scrollama from 'scrollama';

export interface StepEvent {
  readonly index: number;
  readonly direction: 'up' | 'down';
  readonly kind: 'enter' | 'exit';
}

/**
 * scrollama watches each step's height with a ResizeObserver and, when a height changes (a step's explore
 * details opening, the reading mode switching), makes a new observer for it inside that observer's own
 * callback: browsers then report a "ResizeObserver loop completed with undelivered notifications" error.
 * While scrollama runs (setup, resize, and those callbacks), ResizeObserver is this wrapper, which hands
 * the notifications over in the next animation frame, outside any observer's callback. Nothing else sees
 * it: the swap is synchronous and undone at once.
 */
const NativeResizeObserver = globalThis.ResizeObserver;
class NextFrameResizeObserver implements ResizeObserver {
  readonly #inner: ResizeObserver;
  #connected = true;
  constructor(callback: ResizeObserverCallback) {
    this.#inner = new NativeResizeObserver((entries) => {
      // Not after scrollama has let go of this observer (a newer one, or destroy()).
      requestAnimationFrame(() => this.#connected && withNextFrameObservers(() => callback(entries, this)));
    });
  }
  observe(target: Element, options?: ResizeObserverOptions): void {
    this.#connected = true;
    this.#inner.observe(target, options);
  }
  unobserve(target: Element): void {
    this.#inner.unobserve(target);
  }
  disconnect(): void {
    this.#connected = false;
    this.#inner.disconnect();
  }
}
function withNextFrameObservers<T>(run: () => T): T {
  const own = globalThis.ResizeObserver;
  globalThis.ResizeObserver = NextFrameResizeObserver;
  try {
    return run();
  } finally {
    globalThis.ResizeObserver = own;
  }
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
    withNextFrameObservers(() =>
      scroller
        .setup({ step: [...steps], offset: offset as scrollama.DecimalType })
        .onStepEnter(({ index, direction }) => onStep({ index, direction, kind: 'enter' }))
        .onStepExit(({ index, direction }) => onStep({ index, direction, kind: 'exit' })),
    );
    live = true;
  });
  return {
    resize: () => {
      if (live) withNextFrameObservers(() => scroller.resize());
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
