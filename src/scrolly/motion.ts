import type { gsap as Gsap } from 'gsap';
import { applyFrame, keyedChildren } from '../charts/shared/join';
import { afterFirstPaint } from './paint';
import type { Frame } from '../charts/shared/marks';

const DURATION = 0.75;
const EXIT = 0.3;
/** Attributes that interpolate: numbers, and path data whose commands line up (GSAP tweens the numbers in a string). */
const TWEENED = new Set([
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'd',
  'opacity',
  'width',
  'height',
  'transform',
  'stroke-width',
]);

export interface Motion {
  /** Moves `svg` to `frame`: tweened when `animate` and motion is allowed, else at once. Always ends in exactly `applyFrame(frame)`. */
  transition(svg: SVGSVGElement, frame: Frame, idPrefix: string, animate: boolean): void;
  /** Starts loading GSAP (once; after the first paint), ahead of the first tween; resolves once it is there (or failed to come). */
  ready(): Promise<void>;
  readonly reduced: () => boolean;
  destroy(): void;
}

const opacityOf = (el: Element): string => el.getAttribute('opacity') ?? '1';

/**
 * The one place GSAP is used; `prefers-reduced-motion` turns every transition into a jump. GSAP comes in its
 * own chunk, requested when a chart goes live (`ready`, or the first tween asked for), never before the
 * first paint, and evaluated in its own task: a page read from the top loads none of it until the reader
 * comes near a chart. A tween asked for before GSAP has arrived starts when it does (unless a later change
 * has replaced it).
 */
export function createMotion(): Motion {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  let reduced = query.matches;
  const onChange = (e: MediaQueryListEvent) => {
    reduced = e.matches;
  };
  query.addEventListener('change', onChange);
  let lib: typeof Gsap | undefined;
  let loading: Promise<typeof Gsap | undefined> | undefined;
  const load = (): Promise<typeof Gsap | undefined> =>
    (loading ??= afterFirstPaint()
      .then(() => import('gsap'))
      .then(
        (m) => (lib = m.gsap),
        // Without GSAP (the chunk failed to load) every change is a jump: the chart is still right.
        () => undefined,
      ));
  const running = new WeakMap<SVGSVGElement, ReturnType<typeof Gsap.timeline>>();
  const waiting = new WeakMap<SVGSVGElement, object>();

  function transition(svg: SVGSVGElement, frame: Frame, idPrefix: string, animate: boolean): void {
    running.get(svg)?.kill();
    running.delete(svg);
    waiting.delete(svg);
    if (!animate || reduced) {
      applyFrame(svg, frame, idPrefix);
      return;
    }
    if (!lib) {
      const ticket = {};
      waiting.set(svg, ticket);
      void load().then((g) => {
        if (waiting.get(svg) !== ticket) return;
        waiting.delete(svg);
        if (g) tween(g, svg, frame, idPrefix);
        else applyFrame(svg, frame, idPrefix);
      });
      return;
    }
    tween(lib, svg, frame, idPrefix);
  }

  function tween(gsap: typeof Gsap, svg: SVGSVGElement, frame: Frame, idPrefix: string): void {
    // Where every mark is now (possibly mid-tween), before the join sets its final attributes.
    const before = new Map<string, Map<string, string>>();
    for (const [key, el] of keyedChildren(svg)) {
      before.set(
        key,
        new Map(
          el
            .getAttributeNames()
            .filter((n) => TWEENED.has(n))
            .map((n) => [n, el.getAttribute(n) ?? '']),
        ),
      );
      if (!el.hasAttribute('opacity')) before.get(key)?.set('opacity', '1');
    }
    const leaving = new Set([...before.keys()].filter((k) => !frame.marks.some((m) => m.key === k)));
    const placed = applyFrame(svg, frame, idPrefix, leaving);
    const tl = gsap.timeline({
      defaults: { duration: DURATION, ease: 'power2.inOut' },
      onComplete: () => {
        applyFrame(svg, frame, idPrefix);
        running.delete(svg);
      },
    });
    for (const mark of frame.marks) {
      const el = placed.get(mark.key);
      if (!el) continue;
      const old = before.get(mark.key);
      const target = opacityOf(el);
      if (!old) {
        if (mark.enter === 'draw') {
          el.setAttribute('pathLength', '1');
          el.setAttribute('stroke-dasharray', '1 1');
          tl.fromTo(
            el,
            { attr: { 'stroke-dashoffset': 1 } },
            { attr: { 'stroke-dashoffset': 0 }, duration: DURATION * 1.4, ease: 'power1.inOut' },
            0,
          );
        } else {
          tl.fromTo(el, { attr: { opacity: 0 } }, { attr: { opacity: target } }, DURATION * 0.4);
        }
        continue;
      }
      const from: Record<string, string> = {};
      const to: Record<string, string> = {};
      for (const [name, was] of old) {
        const now = name === 'opacity' ? target : el.getAttribute(name);
        if (now !== null && now !== was) {
          from[name] = was;
          to[name] = now;
        }
      }
      if (Object.keys(to).length > 0) tl.fromTo(el, { attr: from }, { attr: to }, 0);
    }
    for (const key of leaving) {
      const el = svg.querySelector(`:scope > [data-key="${CSS.escape(key)}"]`);
      if (el) tl.to(el, { attr: { opacity: 0 }, duration: EXIT, ease: 'none' }, 0);
    }
    running.set(svg, tl);
  }

  return {
    transition,
    ready: () => load().then(() => undefined),
    reduced: () => reduced,
    destroy: () => query.removeEventListener('change', onChange),
  };
}
