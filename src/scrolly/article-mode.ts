import { applyFrame } from '../charts/shared/join';
import type { ChartPayload } from '../charts/types';
import { SIZES } from '../charts/types';

export type ReadingMode = 'scroll' | 'article';
const KEY = 'ox-reading-mode';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The mode asked for by the URL (`?mode=article`, shareable), else the reader's last choice. */
export function initialMode(url: URL, storage: Pick<Storage, 'getItem'> | undefined): ReadingMode {
  const asked = url.searchParams.get('mode');
  if (asked === 'article' || asked === 'scroll') return asked;
  try {
    return storage?.getItem(KEY) === 'article' ? 'article' : 'scroll';
  } catch {
    return 'scroll';
  }
}

/** Remembers the choice and reflects it in the address bar, so a teacher can share the link. */
export function persistMode(mode: ReadingMode, storage: Pick<Storage, 'setItem'> | undefined): void {
  try {
    storage?.setItem(KEY, mode);
  } catch {
    // Private browsing may refuse storage; the URL still carries the mode.
  }
  const url = new URL(window.location.href);
  if (mode === 'article') url.searchParams.set('mode', 'article');
  else url.searchParams.delete('mode');
  history.replaceState(history.state, '', url);
}

/**
 * Gives every step its own static chart in that step's scene, drawn from the serialised frames
 * by the same join that animates the pinned chart. Built once; CSS shows them in article mode
 * and in print.
 */
export function ensureStepFigures(section: HTMLElement, label: (title: string) => string): void {
  if (section.querySelector('[data-step-figure]')) return;
  const payloadEl = section.querySelector('script[data-chart-payload]');
  if (!payloadEl) return;
  const payload = JSON.parse(payloadEl.textContent ?? '{}') as ChartPayload;
  for (const step of section.querySelectorAll<HTMLElement>('[data-step]')) {
    const scene = step.dataset['scene'] ?? payload.entryScene;
    const figure = document.createElement('figure');
    figure.className = 'step-figure';
    figure.dataset['stepFigure'] = scene;
    for (const size of SIZES) {
      const frame = payload.frames[size.name][scene];
      if (!frame) continue;
      const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
      svg.setAttribute('class', `chart chart--${size.name}`);
      svg.setAttribute('viewBox', `0 0 ${frame.width} ${frame.height}`);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', `${label(step.dataset['title'] ?? '')}. ${payload.descriptions[scene] ?? ''}`);
      applyFrame(svg, frame, `${step.id}-${size.name}`);
      figure.append(svg);
    }
    step.append(figure);
  }
}
