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

/**
 * The HTML draws a pinned chart in its first step's scene: the picture a reader gets should the script not
 * run. With the script, a section that was off screen at the start puts its chart in its entry scene, the
 * state before its first step, when it mounts (see mount): the first step, reached from there, draws in.
 * Until then the chart, out of sight, is left as the HTML drew it: at the top of the page the start-up does
 * no chart work at all. Nothing is announced: the reader is not there yet.
 */
const showEntry = (s: Section): void => s.chart.show(s.payload.entryScene, false, '');

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

/** How long after the page's load event the steps' own charts start being drawn in idle moments. */
const SETTLE_MS = 2000;
/** Resolves `ms` after the page's load event (which may have passed already). */
const afterLoad = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const wait = () => window.setTimeout(resolve, ms);
    if (document.readyState === 'complete') wait();
    else window.addEventListener('load', wait, { once: true });
  });

/** Whether any of `el` is in the viewport. */
function onScreen(el: Element): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  return bottom > 0 && top < window.innerHeight;
}

/** Ends the current task: the browser may paint and answer the reader before the next piece of start-up work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The sections mounted so far, in the order they came near the screen, each with the disposer of its wiring. */
const sections = new Map<Section, (() => void) | undefined>();
/** The sections not mounted yet: their charts show the build's entry scene, and nothing has measured them. */
const waiting = new Set<HTMLElement>(document.querySelectorAll<HTMLElement>('[data-scrolly]'));
/** What the observer watches for a section: its <section> (with its heading), so it mounts a little before its steps come up. */
const boxOf = (el: HTMLElement): HTMLElement => el.closest<HTMLElement>('section') ?? el;
const byBox = new Map<Element, HTMLElement>([...waiting].map((el) => [boxOf(el), el]));
/** The sections that were not near the screen at the start: each puts its chart in its entry scene when it mounts. */
const offAtStart = new Set<HTMLElement>();
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
    const entry = first && offAtStart.has(s.el) && s.chart.scene() !== s.payload.entryScene ? () => showEntry(s) : undefined;
    sections.set(s, mountScrolly(s.el, s.chart, s.payload, motion, words, first, entry));
    s.explore?.setVisible(s.frames.explores(s.chart.scene()));
  } else {
    sections.set(s, undefined);
    s.explore?.setVisible(true);
  }
}

/** A section not mounted yet has no active step ('' in scroll mode, as before its first step). */
function markWaiting(): void {
  for (const el of waiting) {
    const hook = boxOf(el);
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

/**
 * A reader who reaches into a section before it has come near (a keyboard's Tab, a click, a step chosen
 * from the list) finds it live: it mounts before the event reaches its target, whose listeners then hear it.
 */
const REACH = ['focusin', 'pointerdown', 'click', 'input', 'change'] as const;
function reach(event: Event): void {
  const el = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-scrolly]') : null;
  if (!el || !waiting.has(el)) return;
  // A control set before its section mounted (by script, with no focus first): mounting keeps the choice.
  const control = event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement ? event.target : undefined;
  const chosen = control?.value;
  void mount(el, true);
  if (control && chosen !== undefined) control.value = chosen;
}

/** Mounts a waiting section and wires it in the current mode (in two tasks unless `now`). */
async function mount(el: HTMLElement, now = false): Promise<void> {
  if (!waiting.delete(el)) return;
  near?.unobserve(boxOf(el));
  if (waiting.size === 0) {
    // Every section is live: nothing is left to watch for.
    near?.disconnect();
    for (const type of REACH) document.removeEventListener(type, reach, { capture: true });
  }
  const entry = offAtStart.has(el);
  const gsap = motion.ready();
  const section = mountSection(el);
  if (!section) return;
  // Coming near while out of sight (the usual way, a quarter of a screen ahead): the entry scene now, unseen.
  // Jumped into (a fling, a step chosen from afar): the controller draws it only if the reader is at or before
  // the first step; further in, the chart goes straight to the step in view.
  if (entry && !onScreen(boxOf(el))) showEntry(section);
  // A chart that starts from its entry scene may draw its first step in: it goes live once GSAP is there (it
  // is asked for as the section comes within a quarter of a screen, so the reader does not wait for it).
  if (!now) await Promise.all([nextTask(), entry && !motion.reduced() ? gsap : undefined]);
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
  near = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const el = byBox.get(e.target);
        // One near the screen at the start (a deep link, a reload further down) mounts straight into the scene
        // of where the reader is; one that was not starts from its entry scene when it mounts (see showEntry).
        if (el && e.isIntersecting) void mount(el);
        else if (el) offAtStart.add(el);
      }
    },
    { rootMargin: NEAR },
  );
  for (const box of byBox.keys()) near.observe(box);
  for (const type of REACH) document.addEventListener(type, reach, { capture: true });
  pinned.addEventListener('change', apply);
  toggle?.addEventListener('click', () => {
    mode = toggle.getAttribute('aria-pressed') === 'true' ? 'scroll' : 'article';
    apply();
    persistMode(mode, storage());
  });
  await nextTask();
  mountEmbedPanels(document);
  mountStepLinks(document);
  // The rest of the steps' own charts, a few per idle moment once the page has settled (two seconds after it
  // has loaded: nothing the reader sees waits on them, so they never compete with the page's start-up), and
  // soon the page carries all of them, for print and saving.
  await afterLoad(SETTLE_MS);
  await drawStepFiguresSoon(document);
}

// A printout unrolls the story: whatever figure is not drawn yet is drawn before the page is laid out for print.
window.addEventListener('beforeprint', () => drawStepFigures(document));

void start();
