import type { ChartPayload } from '../charts/types';
import { initialMode, persistMode } from './article-mode';
import { mountChart, mountStepFigures, type ChartView } from './chart-view';
import { mountScrolly, type ScrollyWords } from './controller';
import { mountExplore, type Explore } from './explore';
import { mountPicker } from './picker';
import { frameStore, type FrameStore } from './frames';
import { PINNED_MEDIA } from './layout';
import { createMotion } from './motion';
import { mountEmbedPanels } from './embed-panel';
import { afterFirstPaint } from './paint';
import { mountStepLinks } from './step-links';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

interface Section {
  readonly el: HTMLElement;
  readonly payload: ChartPayload;
  readonly frames: FrameStore;
  readonly chart: ChartView;
  readonly explore: Explore | undefined;
}

const words = JSON.parse(document.getElementById('ox-words')?.textContent ?? '{}') as ScrollyWords;
const motion = createMotion();
const pinned = window.matchMedia(PINNED_MEDIA);
const toggle = document.querySelector<HTMLButtonElement>('[data-mode-toggle]');

function mountSection(el: HTMLElement): Section | undefined {
  const figure = el.querySelector<HTMLElement>('[data-chart]');
  const payloadEl = figure?.querySelector('script[data-chart-payload]');
  if (!figure || !payloadEl) return undefined;
  const payload = JSON.parse(payloadEl.textContent ?? '{}') as ChartPayload;
  const frames = frameStore(el, payload);
  // A chart over time has series controls; a chart of things has items to pick.
  const explore = mountExplore(el, payload) ?? mountPicker(el);
  if (explore) mountStepFigures(el, frames, motion, explore);
  return { el, payload, frames, chart: mountChart(figure, payload, frames, motion, explore), explore };
}

/** Ends the current task: the browser may paint and answer the reader before the next piece of start-up work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const sections: Section[] = [];

let mode = initialMode(new URL(window.location.href), storage());
let disposers: (() => void)[] = [];
/** A deep link (`/#<step-id>`) is honoured once, on arrival; after that the address follows the reader. */
let arriving = true;

/**
 * Scroll mode on a screen that can pin a chart: the step in view drives the pinned chart. Otherwise
 * (the plain-article mode, or a screen too short for a pinned chart) every step is followed by its own
 * chart, and the explore controls drive the explore step's chart.
 */
function apply(): void {
  document.documentElement.dataset['mode'] = mode;
  toggle?.setAttribute('aria-pressed', String(mode === 'article'));
  for (const dispose of disposers) dispose();
  disposers = [];
  const scrolling = mode === 'scroll' && pinned.matches;
  for (const s of sections) {
    if (scrolling) {
      disposers.push(mountScrolly(s.el, s.chart, s.payload, motion, words, arriving));
      s.explore?.setVisible(s.frames.explores(s.chart.scene()));
    } else {
      s.explore?.setVisible(true);
    }
  }
  arriving = false;
}

/**
 * Start-up after the first paint (the page is readable and laid out by CSS alone), in short tasks (each
 * chart section, then the scroll wiring, then the page's controls), so that no single task holds the main
 * thread for long on a slow phone. The reading mode applies at once: it changes the layout.
 */
async function start(): Promise<void> {
  document.documentElement.dataset['mode'] = mode;
  await afterFirstPaint();
  for (const el of document.querySelectorAll<HTMLElement>('[data-scrolly]')) {
    const section = mountSection(el);
    if (section) sections.push(section);
    await nextTask();
  }
  apply();
  pinned.addEventListener('change', apply);
  toggle?.addEventListener('click', () => {
    mode = toggle.getAttribute('aria-pressed') === 'true' ? 'scroll' : 'article';
    apply();
    persistMode(mode, storage());
  });
  await nextTask();
  mountEmbedPanels(document);
  mountStepLinks(document);
}

void start();
