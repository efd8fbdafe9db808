import type { ChartPayload } from '../charts/types';
import { fill } from '../charts/shared/format';
import { mountChart, mountStepFigures } from '../scrolly/chart-view';
import { mountExplore } from '../scrolly/explore';
import { frameStore } from '../scrolly/frames';
import { createMotion } from '../scrolly/motion';
import { mountPicker } from '../scrolly/picker';
import { reportHeight } from './height';
import { readOptions } from './options';
import { applyTheme } from './theme';

/**
 * An embedded chart: the chart "unrolled", its states reached with the step controls (Previous, the
 * list, Next; arrow keys in them) rather than by scrolling, `?step=` opening one directly. No storage
 * is touched (a sandboxed frame without same-origin throws on it).
 */
const root = document.querySelector<HTMLElement>('[data-embed]');
const figure = root?.querySelector<HTMLElement>('[data-chart]');
const payloadEl = figure?.querySelector('script[data-chart-payload]');
if (root && figure && payloadEl) {
  const words = JSON.parse(document.getElementById('ox-words')?.textContent ?? '{}') as { stepAnnouncement: string };
  const payload = JSON.parse(payloadEl.textContent ?? '{}') as ChartPayload;
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step]')];
  const options = readOptions(
    new URL(window.location.href),
    steps.map((s) => s.id),
  );
  if (options.theme) applyTheme(options.theme);
  const motion = createMotion();
  // The embed's chart is live from the start: GSAP comes after the first paint.
  void motion.ready();
  const frames = frameStore(root, payload);
  const explore = mountExplore(root, payload) ?? mountPicker(root);
  if (explore) mountStepFigures(root, frames, motion, explore);
  const chart = mountChart(figure, payload, frames, motion, explore);
  const height = reportHeight(options.childId);
  const list = root.querySelector<HTMLSelectElement>('[data-step-list]');
  const prev = root.querySelector<HTMLButtonElement>('[data-step-prev]');
  const next = root.querySelector<HTMLButtonElement>('[data-step-next]');
  let active = -1;

  const show = (index: number, animate: boolean) => {
    const i = Math.max(0, Math.min(index, steps.length - 1));
    const step = steps[i];
    if (!step || i === active) return;
    active = i;
    const scene = step.dataset['scene'] ?? payload.entryScene;
    for (const s of steps) s.classList.toggle('is-active', s === step);
    chart.show(
      scene,
      animate,
      fill(words.stepAnnouncement, {
        n: i + 1,
        count: steps.length,
        title: step.dataset['title'] ?? '',
        description: payload.descriptions[scene] ?? '',
      }),
    );
    explore?.setVisible(frames.explores(scene));
    if (list) list.selectedIndex = i;
    if (prev) prev.disabled = i === 0;
    if (next) next.disabled = i === steps.length - 1;
    root.dataset['activeStep'] = step.id;
    height.send();
  };

  const start = options.step ? steps.findIndex((s) => s.id === options.step) : 0;
  show(start, false);
  prev?.addEventListener('click', () => show(active - 1, true));
  next?.addEventListener('click', () => show(active + 1, true));
  list?.addEventListener('change', () => show(list.selectedIndex, Math.abs(list.selectedIndex - active) === 1));
  root.querySelector('[data-step-controls]')?.addEventListener('keydown', (event) => {
    const e = event as KeyboardEvent;
    if (e.target === list || e.altKey || e.ctrlKey || e.metaKey) return;
    const delta = ['ArrowRight', 'ArrowDown'].includes(e.key) ? 1 : ['ArrowLeft', 'ArrowUp'].includes(e.key) ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    show(active + delta, true);
  });
}
