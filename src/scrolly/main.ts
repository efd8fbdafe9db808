import { fill } from '../charts/shared/format';
import { ensureStepFigures, initialMode, persistMode, type ReadingMode } from './article-mode';
import { mountScrolly, type ScrollyWords } from './controller';
import { createMotion } from './motion';

interface PageWords extends ScrollyWords {
  /** `{title}`: the label of a step's own chart in article mode. */
  readonly stepFigure: string;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const words = JSON.parse(document.getElementById('ox-words')?.textContent ?? '{}') as PageWords;
const stepLabel = (title: string) => fill(words.stepFigure, { title });
const motion = createMotion();
const sections = [...document.querySelectorAll<HTMLElement>('[data-scrolly]')];
const toggle = document.querySelector<HTMLButtonElement>('[data-mode-toggle]');
let disposers: (() => void)[] = [];

/** Scroll mode pins and animates; article mode unrolls every section into text followed by its step's chart. */
function setMode(mode: ReadingMode): void {
  document.documentElement.dataset['mode'] = mode;
  toggle?.setAttribute('aria-pressed', String(mode === 'article'));
  for (const dispose of disposers) dispose();
  disposers = [];
  if (mode === 'article') for (const s of sections) ensureStepFigures(s, stepLabel);
  else disposers = sections.map((s) => mountScrolly(s, motion, words));
}

setMode(initialMode(new URL(window.location.href), storage()));
if (toggle) {
  toggle.addEventListener('click', () => {
    const mode: ReadingMode = toggle.getAttribute('aria-pressed') === 'true' ? 'scroll' : 'article';
    setMode(mode);
    persistMode(mode, storage());
  });
}
// Print always gets the unrolled article: each step with its own chart.
window.addEventListener('beforeprint', () => {
  for (const s of sections) ensureStepFigures(s, stepLabel);
});
