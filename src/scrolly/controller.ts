import type { ChartPayload } from '../charts/types';
import { mountChart } from './chart-view';
import { createMotion, type Motion } from './motion';
import { observeSteps, stepAtLine } from './observe-steps';

/** Where on the screen a step takes over: lower on phones, where cards enter below the pinned chart. */
const triggerOffset = (): number => (window.matchMedia('(min-width: 56rem)').matches ? 0.55 : 0.78);

/**
 * Drives one scrolly section: the step in view decides the chart's scene. Events are coalesced to one
 * update per animation frame, and a jump over several steps (a fling, a reload, a deep link) goes
 * straight to the target scene without replaying the ones in between.
 */
export function mountScrolly(section: HTMLElement, motion: Motion): () => void {
  const figure = section.querySelector<HTMLElement>('[data-chart]');
  const payloadEl = figure?.querySelector('script[data-chart-payload]');
  const steps = [...section.querySelectorAll<HTMLElement>('[data-step]')];
  if (!figure || !payloadEl || steps.length === 0) return () => {};
  const payload = JSON.parse(payloadEl.textContent ?? '{}') as ChartPayload;
  const chart = mountChart(figure, payload, motion);

  let active = -2;
  let target = -1;
  let queued = false;

  function apply(): void {
    queued = false;
    if (target === active) return;
    const adjacent = Math.abs(target - active) === 1;
    active = target;
    const step = steps[active];
    chart.show(step?.dataset['scene'] ?? payload.entryScene, adjacent);
    steps.forEach((s, i) => s.classList.toggle('is-active', i === active));
    section.dataset['activeStep'] = step?.id ?? '';
  }
  function request(index: number): void {
    target = index;
    if (!queued) {
      queued = true;
      requestAnimationFrame(apply);
    }
  }

  // State from position: whatever step is at the trigger line now, shown at once.
  target = stepAtLine(steps, window.innerHeight * triggerOffset());
  active = target - 2;
  apply();
  section.classList.add('is-enhanced');

  const observer = observeSteps(steps, triggerOffset(), ({ index, direction, kind }) => {
    if (kind === 'enter') request(index);
    else if (direction === 'up' && index === 0) request(-1);
    else if (direction === 'down' && index === steps.length - 1) request(index);
  });
  let width = window.innerWidth;
  const onResize = () => {
    if (window.innerWidth === width) return; // mobile URL-bar show/hide changes only the height
    width = window.innerWidth;
    observer.resize();
    request(stepAtLine(steps, window.innerHeight * triggerOffset()));
  };
  window.addEventListener('resize', onResize);
  return () => {
    observer.dispose();
    window.removeEventListener('resize', onResize);
  };
}

export function mountAll(root: ParentNode = document): Motion {
  const motion = createMotion();
  for (const section of root.querySelectorAll<HTMLElement>('[data-scrolly]')) mountScrolly(section, motion);
  return motion;
}
