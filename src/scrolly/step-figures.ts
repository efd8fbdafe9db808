/**
 * The steps' own charts (StepFigure.astro) come inside `<noscript>`: without JavaScript the browser parses
 * them as markup and shows them; with JavaScript it keeps them as one run of text, so the story's first
 * load does not build some 1,300 SVG elements that the pinned layout never shows. This module turns a
 * figure's text back into its SVG (the same markup, parsed once) when something needs it: the plain-article
 * layout, print, or the frames the pinned chart reads from it.
 */

const FIGURE = '[data-step-figure]';

/** Puts the figure's build-time SVG in the page (once; a figure already drawn is left alone). */
export function drawStepFigure(figure: Element): void {
  const held = figure.querySelector(':scope > noscript');
  if (!held) return;
  const template = document.createElement('template');
  template.innerHTML = held.textContent ?? '';
  held.replaceWith(template.content);
}

/** Every step figure under `root`, drawn now. */
export function drawStepFigures(root: ParentNode): void {
  for (const figure of root.querySelectorAll(FIGURE)) drawStepFigure(figure);
}

/** The step figure of `scene` under `root`, drawn (undefined when no step shows that scene). */
export function stepFigure(root: ParentNode, scene: string): Element | undefined {
  const figure = root.querySelector(`[data-step-figure="${CSS.escape(scene)}"]`);
  if (figure) drawStepFigure(figure);
  return figure ?? undefined;
}

/**
 * Draws the figures still held, a few per task in idle moments (no task long enough to hold up a reader's
 * scroll or tap), so that the page soon carries every step's chart, as it would without JavaScript: for
 * a printout that fires no `beforeprint` (a PDF made by a headless browser), a saved page, a reader mode.
 * `beforeprint` draws whatever is left at once. Resolves when every figure is drawn.
 */
export function drawStepFiguresSoon(root: ParentNode, budgetMs = 6): Promise<void> {
  const idle = (run: () => void) =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 500 }) : window.setTimeout(run, 16);
  return new Promise((resolve) => {
    const slice = () => {
      const until = performance.now() + budgetMs;
      for (const held of root.querySelectorAll(`${FIGURE} > noscript`)) {
        if (held.parentElement) drawStepFigure(held.parentElement);
        if (performance.now() > until) return void idle(slice);
      }
      resolve();
    };
    idle(slice);
  });
}
