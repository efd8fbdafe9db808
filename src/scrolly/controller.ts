import type { ChartPayload } from '../charts/types';
import { fill } from '../charts/shared/format';
import type { ChartView } from './chart-view';
import type { Motion } from './motion';
import { stepFromHash } from './deep-link';
import { observeSteps, stepAtLine } from './observe-steps';

/** Where on the screen a step takes over: lower on phones, where cards enter below the pinned chart. */
const triggerOffset = (): number => (window.matchMedia('(min-width: 56rem)').matches ? 0.55 : 0.78);
const triggerLine = (): number => window.innerHeight * triggerOffset();

const onScreen = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
};

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'j']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'k']);

export interface ScrollyWords {
  /** `{n}`, `{count}`, `{title}`, `{description}` */
  readonly stepAnnouncement: string;
}

/**
 * Drives one scrolly section: the step in view (or focused, or chosen with the step controls)
 * decides the chart's scene. Events are coalesced to one update per animation frame, and a jump
 * over several steps (a fling, a reload, a deep link, the step list) goes straight to the target
 * scene without replaying the ones in between. Returns a disposer that leaves the section as the
 * HTML had it.
 */
export function mountScrolly(
  section: HTMLElement,
  chart: ChartView,
  payload: ChartPayload,
  motion: Motion,
  words: ScrollyWords,
  /** Land on the step the address names (`/#<step-id>`), in its state, without replaying the steps before it. */
  land = false,
  /**
   * The chart starts from its entry scene (the section was off screen when the page started): this draws that
   * scene, and is called only if the reader is at or before the first step, which then draws in. Further in
   * (a fling), the chart goes straight to the step in view, with no scene in between.
   */
  entry?: () => void,
): () => void {
  const steps = [...section.querySelectorAll<HTMLElement>('[data-step]')];
  if (steps.length === 0) return () => {};
  const controls = section.querySelector<HTMLElement>('[data-step-controls]');
  const list = controls?.querySelector<HTMLSelectElement>('[data-step-list]');
  const prev = controls?.querySelector<HTMLButtonElement>('[data-step-prev]');
  const next = controls?.querySelector<HTMLButtonElement>('[data-step-next]');

  const listeners = new AbortController();
  const { signal } = listeners;
  /** The story section carries the active step's id, for deep-link tooling and tests. */
  const hook = section.closest<HTMLElement>('section') ?? section;
  let active = -2;
  let target = -1;
  let queued = false;
  /**
   * Set while the page scrolls to a chosen step: the steps it passes do not count. Aborted when the
   * scroll arrives, or when a newer goTo (fast keyboard stepping) takes over; a stale release would
   * put the chart back on an earlier step (and hide the explore controls under a reader's focus).
   */
  let steer: AbortController | undefined;
  const steering = (): boolean => steer !== undefined && !steer.signal.aborted;

  function apply(initial = false): void {
    queued = false;
    if (target === active && !initial) return;
    const adjacent = Math.abs(target - active) === 1;
    active = target;
    const step = steps[active];
    const scene = step?.dataset['scene'] ?? payload.entryScene;
    const announcement = step
      ? fill(words.stepAnnouncement, {
          n: active + 1,
          count: steps.length,
          title: step.dataset['title'] ?? '',
          description: payload.descriptions[scene] ?? '',
        })
      : undefined;
    chart.show(scene, adjacent, announcement);
    steps.forEach((s, i) => s.classList.toggle('is-active', i === active));
    hook.dataset['activeStep'] = step?.id ?? '';
    // The address follows the reader's step (replaced, never pushed: the back button is not flooded), so a
    // link copied from the address bar opens where the reader is.
    // Only a step on screen writes it: a section scrolled past keeps its last step without claiming the address.
    if (step && window.location.hash !== `#${step.id}` && onScreen(step)) history.replaceState(history.state, '', `#${step.id}`);
    if (list) list.selectedIndex = active;
    if (prev) prev.disabled = active <= 0;
    if (next) next.disabled = active >= steps.length - 1;
  }
  function request(index: number): void {
    target = index;
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => apply());
    }
  }

  /**
   * Puts step `index` at the trigger line and its scene on the chart. A neighbouring step glides
   * there (unless `mayGlide` is false); a farther one jumps, so nothing in between replays.
   */
  function goTo(index: number, mayGlide = true): void {
    const step = steps[Math.max(0, Math.min(index, steps.length - 1))];
    if (!step) return;
    const i = steps.indexOf(step);
    const glide = mayGlide && Math.abs(i - active) <= 1 && !motion.reduced();
    steer?.abort();
    const own = new AbortController();
    steer = own;
    // When the scroll arrives, the step comes from position again: if the reader scrolled on during the glide,
    // the step in view wins over the one the glide was heading for.
    const release = () => {
      if (own.signal.aborted) return;
      own.abort();
      request(stepAtLine(steps, triggerLine()));
    };
    if (glide) {
      const until = AbortSignal.any([signal, own.signal]);
      if ('onscrollend' in (window as object)) window.addEventListener('scrollend', release, { once: true, signal: until });
      else {
        // No scrollend (WebKit): the glide has ended when scroll events have stopped for a moment.
        let quiet = window.setTimeout(release, 150);
        window.addEventListener(
          'scroll',
          () => {
            window.clearTimeout(quiet);
            quiet = window.setTimeout(release, 150);
          },
          { signal: until },
        );
        own.signal.addEventListener('abort', () => window.clearTimeout(quiet), { once: true });
      }
      const timer = window.setTimeout(release, 2500);
      own.signal.addEventListener('abort', () => window.clearTimeout(timer), { once: true });
    }
    const top = window.scrollY + step.getBoundingClientRect().top - triggerLine() + 2;
    window.scrollTo({ top, behavior: glide ? 'smooth' : 'instant' });
    // At once, not on the next frame: a keyboard reader's next Tab must find what this step shows
    // (the explore controls appear with the explore step).
    target = i;
    apply();
    if (!glide) requestAnimationFrame(() => requestAnimationFrame(release));
  }

  // The scrolly layout is CSS's from the first paint (story.css, `scripting: enabled`); the class only
  // marks the section as live. State comes from position: whatever step is at the trigger line now, shown at once.
  section.classList.add('is-enhanced');
  const ids = steps.map((s) => s.id);
  target = stepAtLine(steps, triggerLine());
  // A chart still in its entry scene (as the HTML drew it: a section mounts as it comes near) is in the state
  // before the first step, so the first step, reached from there, draws in as it would have from the top of
  // the page. Any other state, or a deep link to one of these steps, is reached at once.
  const fresh = (entry !== undefined || chart.scene() === payload.entryScene) && !(land && stepFromHash(window.location.hash, ids) >= 0);
  if (fresh && target <= 0) entry?.();
  active = fresh ? -1 : target - 2;
  apply(true);

  // A deep link: the browser has scrolled the step's top to the top of the screen; put it at the trigger line
  // instead, in its state at once, and again once the fonts have settled the layout (unless the reader has moved on).
  const landOn = (hash: string): number => {
    const index = stepFromHash(hash, ids);
    if (index >= 0) goTo(index, false);
    return index;
  };
  if (land) {
    const index = landOn(window.location.hash);
    if (index >= 0)
      void document.fonts?.ready.then(() => {
        if (!signal.aborted && active === index) goTo(index, false);
      });
  }
  // A link within the page to a step (from a note, say).
  window.addEventListener('hashchange', () => landOn(window.location.hash), { signal });

  // scrollama says when a step crosses the trigger line; where the page is now says which step is
  // active. A notification delivered late (after a jump, or after focus moved the page) can name a
  // step that is no longer at the line; position cannot be stale.
  const observer = observeSteps(steps, triggerOffset(), () => {
    if (steering()) return;
    request(stepAtLine(steps, triggerLine()));
  });

  // Keyboard focus (or a screen reader moving focus) on a step card shows its scene; a mouse click does not scroll the page.
  const onFocus = (event: FocusEvent) => {
    const el = event.target as Element | null;
    if (!el?.matches(':focus-visible')) return;
    const step = el.closest<HTMLElement>('[data-step]');
    const index = step ? steps.indexOf(step) : -1;
    // No glide: the browser has already scrolled the focused card into view, and a smooth scroll still
    // running when the reader tabs on would carry the next control (the explore toggles) off screen.
    if (index >= 0 && index !== active) goTo(index, false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target === list) return;
    const delta = NEXT_KEYS.has(event.key) ? 1 : PREV_KEYS.has(event.key) ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    goTo(Math.max(active, delta > 0 ? -1 : 0) + delta);
  };
  const onPrev = () => goTo(active - 1);
  const onNext = () => goTo(active + 1);
  const onList = () => goTo(list?.selectedIndex ?? 0);
  let width = window.innerWidth;
  const onResize = () => {
    if (window.innerWidth === width) return; // mobile URL-bar show/hide changes only the height
    width = window.innerWidth;
    observer.resize();
    request(stepAtLine(steps, triggerLine()));
  };

  section.addEventListener('focusin', onFocus, { signal });
  controls?.addEventListener('keydown', onKey, { signal });
  prev?.addEventListener('click', onPrev, { signal });
  next?.addEventListener('click', onNext, { signal });
  list?.addEventListener('change', onList, { signal });
  window.addEventListener('resize', onResize, { signal });
  return () => {
    observer.dispose();
    listeners.abort();
    steer?.abort();
    section.classList.remove('is-enhanced');
    delete hook.dataset['activeStep'];
  };
}
