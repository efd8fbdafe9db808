import { applyFrame } from '../charts/shared/join';
import type { ChartPayload, SizeName } from '../charts/types';
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
import { drawStepFigures, drawStepFiguresSoon } from './step-figures';

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

const payloads = new Map<HTMLElement, ChartPayload>();
/** A section's chart payload (the JSON beside its figure), parsed once. */
function payloadOf(el: HTMLElement): ChartPayload | undefined {
  const known = payloads.get(el);
  if (known) return known;
  const text = el.querySelector('[data-chart] script[data-chart-payload]')?.textContent;
  if (!text) return undefined;
  const payload = JSON.parse(text) as ChartPayload;
  payloads.set(el, payload);
  return payload;
}

/**
 * The HTML draws a pinned chart in its first step's scene: the picture a reader gets should the script not
 * run. With the script, a section's chart that is off screen at the start waits in its entry scene, the state
 * before its first step: drawn from the payload's entry frames at every size (nothing is measured).
 */
function showEntry(el: HTMLElement): void {
  const figure = el.querySelector<HTMLElement>('[data-chart]');
  const payload = payloadOf(el);
  if (!figure || !payload || figure.dataset['scene'] === payload.entryScene) return;
  for (const svg of figure.querySelectorAll<SVGSVGElement>('svg[data-size]')) {
    const size = svg.dataset['size'] as SizeName;
    const frame = payload.entryFrames[size];
    if (frame) applyFrame(svg, frame, svg.dataset['idPrefix'] ?? size);
    const desc = svg.querySelector('desc');
    if (desc) desc.textContent = payload.descriptions[payload.entryScene] ?? '';
  }
  figure.dataset['scene'] = payload.entryScene;
}

function mountSection(el: HTMLElement): Section | undefined {
  const figure = el.querySelector<HTMLElement>('[data-chart]');
  const payload = payloadOf(el);
  if (!figure || !payload) return undefined;
  const frames = frameStore(el, payload);
  // A chart over time has series controls; a chart of things has items to pick.
  const explore = mountExplore(el, payload) ?? mountPicker(el);
  if (explore) mountStepFigures(el, frames, motion, explore);
  return { el, payload, frames, chart: mountChart(figure, payload, frames, motion, explore), explore };
}

/** Ends the current task: the browser may paint and answer the reader before the next piece of start-up work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The sections mounted so far, in the order they came near the screen, each with the disposer of its wiring. */
const sections = new Map<Section, (() => void) | undefined>();
/** The sections not mounted yet: their charts show the build's entry scene, and nothing has measured them. */
const waiting = new Set<HTMLElement>(document.querySelectorAll<HTMLElement>('[data-scrolly]'));
/**
 * A section mounts when it comes within a quarter of a screen of the viewport (or when the reader focuses,
 * taps or sets something in it first): until then the script neither reads nor measures its thousand-odd
 * elements, so the page's start-up is the top of the page's, not the whole story's.
 */
const NEAR = '25% 0px';
let near: IntersectionObserver | undefined;

let mode = initialMode(new URL(window.location.href), storage());

const scrolling = (): boolean => mode === 'scroll' && pinned.matches;

/**
 * Scroll mode on a screen that can pin a chart: the step in view drives the pinned chart. Otherwise
 * (the plain-article mode, or a screen too short for a pinned chart) every step is followed by its own
 * chart, and the explore controls drive the explore step's chart. `first`: the section's first wiring,
 * which honours a deep link (`/#<step-id>`) to one of its steps; after that the address follows the reader.
 */
function wire(s: Section, first: boolean): void {
  if (scrolling()) {
    sections.set(s, mountScrolly(s.el, s.chart, s.payload, motion, words, first));
    s.explore?.setVisible(s.frames.explores(s.chart.scene()));
  } else {
    sections.set(s, undefined);
    s.explore?.setVisible(true);
  }
}

/** A section not mounted yet has no active step ('' in scroll mode, as before its first step). */
function markWaiting(): void {
  for (const el of waiting) {
    const hook = el.closest<HTMLElement>('section') ?? el;
    if (scrolling()) hook.dataset['activeStep'] ??= '';
    else delete hook.dataset['activeStep'];
  }
}

function apply(): void {
  document.documentElement.dataset['mode'] = mode;
  toggle?.setAttribute('aria-pressed', String(mode === 'article'));
  for (const dispose of sections.values()) dispose?.();
  // Where steps are followed by their own charts, every one is drawn now.
  if (!scrolling()) drawStepFigures(document);
  for (const s of sections.keys()) wire(s, false);
  markWaiting();
}

/** Mounts a waiting section and wires it in the current mode (in two tasks unless `now`). */
async function mount(el: HTMLElement, now = false): Promise<void> {
  if (!waiting.delete(el)) return;
  near?.unobserve(el.closest('section') ?? el);
  const section = mountSection(el);
  if (!section) return;
  if (!now) await nextTask();
  wire(section, true);
}

/**
 * Start-up after the first paint (the page is readable and laid out by CSS alone), in short tasks, so that
 * no single task holds the main thread for long on a slow phone. The reading mode applies at once: it
 * changes the layout.
 */
async function start(): Promise<void> {
  document.documentElement.dataset['mode'] = mode;
  // A screen that unrolls the story (or the plain-article mode) shows the steps' own charts: drawn first.
  if (!scrolling()) drawStepFigures(document);
  await afterFirstPaint();
  apply();
  // Watched through its <section> (with its heading), so it mounts a little before its steps come up.
  const box = (el: HTMLElement): HTMLElement => el.closest<HTMLElement>('section') ?? el;
  near = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const el = [...waiting].find((w) => box(w) === e.target);
        // A section off screen waits in its entry scene; one on or near the screen (a deep link, a reload
        // further down) mounts straight into the scene of where the reader is.
        if (el && e.isIntersecting) void mount(el);
        else if (el) showEntry(el);
      }
    },
    { rootMargin: NEAR },
  );
  for (const el of waiting) near.observe(box(el));
  // A reader who reaches into a section before it has come near (a keyboard's Tab, a click, a step chosen
  // from the list) finds it live: it mounts before the event reaches its target, whose listeners then hear it.
  const reach = (event: Event) => {
    const el = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-scrolly]') : null;
    if (!el || !waiting.has(el)) return;
    // A control set before its section mounted (by script, with no focus first): mounting keeps the choice.
    const control = event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement ? event.target : undefined;
    const chosen = control?.value;
    void mount(el, true);
    if (control && chosen !== undefined) control.value = chosen;
  };
  for (const type of ['focusin', 'pointerdown', 'click', 'input', 'change']) document.addEventListener(type, reach, { capture: true });
  pinned.addEventListener('change', apply);
  toggle?.addEventListener('click', () => {
    mode = toggle.getAttribute('aria-pressed') === 'true' ? 'scroll' : 'article';
    apply();
    persistMode(mode, storage());
  });
  await nextTask();
  mountEmbedPanels(document);
  mountStepLinks(document);
  // The rest of the steps' own charts, in idle moments: soon the page carries all of them, for print and saving.
  await drawStepFiguresSoon(document);
}

// A printout unrolls the story: whatever figure is not drawn yet is drawn before the page is laid out for print.
window.addEventListener('beforeprint', () => drawStepFigures(document));

void start();
