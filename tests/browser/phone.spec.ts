/**
 * Made for the phone. At 360×740, 390×844 and 412×915, for every step of every section there is a
 * scroll position where the reader sees the whole card and the whole chart, in that step's state,
 * with nothing covering the chart; in the explore step every control can be tapped with the chart in
 * view and uncovered, and a tap on the chart reads a year. Chart text never renders under 12 CSS px.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { allSteps, expectSettled, ready } from './support';

const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 412, height: 915 },
] as const;

async function phonePage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  // Where things are is the question here, not how they move there: scene changes are instant.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/');
  await ready(page);
  return page;
}

interface Sighting {
  /** The card's and the pinned block's boxes, and the viewport height, for the failure message. */
  readonly card: { top: number; bottom: number };
  readonly block: { top: number; bottom: number };
  readonly vh: number;
  /** Points of the chart where something else would take a tap (or a look): empty when the chart is uncovered. */
  readonly covered: string[];
  /** Whether the whole chart is on screen. */
  readonly chartOnScreen: boolean;
}

/**
 * Scrolls so the step's card sits where the reader reads it (its bottom just above the foot of the
 * screen, its top past the line where the step takes over), then looks: the card, the pinned block,
 * and what a tap would hit on a grid of points over the chart.
 */
async function lookAt(page: Page, stepId: string): Promise<Sighting> {
  await page.evaluate((id) => {
    const card = document.querySelector(`#${id} .step__card`)!;
    const r = card.getBoundingClientRect();
    const vh = window.innerHeight;
    const top = Math.min(vh * 0.78 - 8, vh - r.height - 8);
    window.scrollTo({ top: window.scrollY + r.top - top, behavior: 'instant' });
  }, stepId);
  return sight(page, stepId);
}

async function sight(page: Page, stepId: string): Promise<Sighting> {
  return page.evaluate((id) => {
    const step = document.getElementById(id)!;
    const section = step.closest('[data-scrolly]')!;
    const card = step.querySelector('.step__card')!.getBoundingClientRect();
    const block = section.querySelector('.scrolly__graphic')!.getBoundingClientRect();
    const svg = Array.from(section.querySelectorAll<SVGSVGElement>('.scrolly__graphic svg[data-size]')).find(
      (s) => s.getClientRects().length > 0,
    );
    const covered: string[] = [];
    let chartOnScreen = false;
    if (svg) {
      const r = svg.getBoundingClientRect();
      chartOnScreen = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      for (let fx = 0.02; fx < 1; fx += 0.12) {
        for (let fy = 0.02; fy < 1; fy += 0.12) {
          const [x, y] = [r.left + r.width * fx, r.top + r.height * fy];
          const hit = document.elementFromPoint(x, y);
          if (!hit || (hit !== svg && !svg.contains(hit)))
            covered.push(
              `(${Math.round(x)}, ${Math.round(y)}): ${hit?.tagName.toLowerCase() ?? 'nothing'}.${String(hit?.getAttribute('class') ?? '').replace(/\s+/g, '.')}`,
            );
        }
      }
    }
    return {
      card: { top: Math.round(card.top), bottom: Math.round(card.bottom) },
      block: { top: Math.round(block.top), bottom: Math.round(block.bottom) },
      vh: window.innerHeight,
      covered,
      chartOnScreen,
    };
  }, stepId);
}

function expectSeenTogether(s: Sighting, where: string): void {
  const detail = `card ${s.card.top}–${s.card.bottom}, pinned chart ${s.block.top}–${s.block.bottom}, screen 0–${s.vh}`;
  expect(s.chartOnScreen, `${where}: the whole chart is on screen (${detail})`).toBe(true);
  expect(s.card.top, `${where}: the card's top is below the chart, not under it (${detail})`).toBeGreaterThanOrEqual(s.block.bottom - 1);
  expect(s.card.bottom, `${where}: the card's foot is on screen (${detail})`).toBeLessThanOrEqual(s.vh);
  expect(s.covered, `${where}: nothing covers the chart`).toEqual([]);
}

test.describe('phones', () => {
  test.skip(({ isMobile }) => !isMobile, 'phone sizes are set per test; run once, in the phone project');

  for (const viewport of PHONES) {
    const name = `${viewport.width}×${viewport.height}`;

    test(`${name}: every step's card and its chart are seen together, nothing covering the chart`, async ({ browser }) => {
      test.setTimeout(90_000);
      const page = await phonePage(browser, viewport);
      // Every step of every section, with the chart its section pins.
      const steps = await allSteps(page);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        await lookAt(page, step.id);
        await expect(page.locator(`#${step.id}`), `#${step.id} is the active step where it is read`).toHaveClass(/\bis-active\b/);
        await expectSettled(page, step.scene, 6_000, step.chart);
        // A card can grow when its step takes over (the explore controls appear): the reader reads on to its foot.
        const s = await lookAt(page, step.id);
        await expect(page.locator(`#${step.id}`)).toHaveClass(/\bis-active\b/);
        await expectSettled(page, step.scene, 6_000, step.chart);
        expectSeenTogether(s, `${name}, #${step.id}`);
      }
      await page.context().close();
    });

    test(`${name}: in the explore step every control works with the chart in view and uncovered`, async ({ browser }) => {
      const page = await phonePage(browser, viewport);
      // The chart over time: a year slider and series toggles (charts of things have their own tests).
      const explore = page.locator('[data-step]:has([data-explore-kind="series"])');
      const scrolly = page.locator('[data-scrolly]').filter({ has: explore });
      const id = await explore.getAttribute('id');
      const scene = await explore.getAttribute('data-scene');
      await lookAt(page, id!);
      await expectSettled(page, scene!);
      // The card grew when its controls appeared: look again from where the reader now reads it.
      await lookAt(page, id!);
      expectSeenTogether(await sight(page, id!), `${name}, explore`);
      const panel = explore.locator('[data-explore]');
      const controls = [panel.locator('input[type="range"]'), ...(await panel.locator('button[data-group]').all())];
      for (const control of controls) {
        await expect(control).toBeInViewport({ ratio: 1 });
        const box = (await control.boundingBox())!;
        const block = (await scrolly.locator('.scrolly__graphic').boundingBox())!;
        expect(box.y, 'a control is below the pinned chart, not under it').toBeGreaterThanOrEqual(block.y + block.height - 1);
      }
      // Each toggle, tapped: it answers, and the chart stays in full view and uncovered.
      for (const toggle of await panel.locator('button[data-group]').all()) {
        const group = await toggle.getAttribute('data-group');
        await toggle.tap();
        await expect(toggle, `${group} toggle after a tap`).toHaveAttribute('aria-pressed', 'false');
        await expect(scrolly.locator(`.scrolly__graphic svg[data-size]:visible [data-group="${group}"]`)).toHaveCount(0, {
          timeout: 2_500,
        });
        expectSeenTogether(await sight(page, id!), `${name}, after tapping ${group}`);
        await toggle.tap();
        await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      }
      // The slider: a tap near its start picks an early year.
      const slider = panel.locator('input[type="range"]');
      const sb = (await slider.boundingBox())!;
      await page.touchscreen.tap(sb.x + 6, sb.y + sb.height / 2);
      await expect(panel.locator('output[data-explore-year]')).not.toHaveText('2024');
      expectSeenTogether(await sight(page, id!), `${name}, after the slider`);
      // A tap on the chart reads the year under the finger.
      const svg = scrolly.locator('.scrolly__graphic svg[data-size]:visible');
      const target = await svg.evaluate((el) => {
        const s = el as SVGSVGElement;
        const clip = s.querySelector('clipPath rect')!;
        const p = new DOMPoint(
          Number(clip.getAttribute('x')) + Number(clip.getAttribute('width')) * 0.45,
          Number(clip.getAttribute('y')) + 10,
        ).matrixTransform(s.getScreenCTM()!);
        return { x: p.x, y: p.y };
      });
      const before = await panel.locator('output[data-explore-year]').textContent();
      await page.touchscreen.tap(target.x, target.y);
      await expect(panel.locator('output[data-explore-year]')).not.toHaveText(before ?? '');
      await expect(scrolly.locator('.scrolly__graphic svg[data-size]:visible [data-key="readout:rule"]')).toHaveCount(1);
      await page.context().close();
    });
  }
});

/** The smallest chart text on screen, in CSS px: each text's font size in user units times its SVG's scale. */
async function smallestChartText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let best = { px: Infinity, where: 'no chart text on screen' };
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('svg.chart'))) {
      if (svg.getClientRects().length === 0) continue;
      const scale = svg.getScreenCTM()?.a ?? 0;
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        if ((t.textContent ?? '').trim() === '') continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < best.px)
          best = { px, where: `${svg.dataset['size']} "${t.textContent}" in ${svg.closest('[id]')?.id ?? 'the pinned chart'}` };
      }
    }
    return best;
  });
}

test.describe('legible charts', () => {
  test.skip(({ isMobile }) => isMobile, 'widths are set per test; run once, in the desktop project');

  for (const [mode, path] of [
    ['the pinned chart', '/'],
    ['every step’s own chart (plain-article mode)', '/?mode=article'],
  ] as const) {
    test(`no chart text under 12 CSS px at any width from 320 to 1440 px: ${mode}`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      const small: string[] = [];
      let seen = 0;
      for (let width = 320; width <= 1440; width += 8) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const { px, where } = await smallestChartText(page);
        if (Number.isFinite(px)) seen++;
        if (px < 12 - 0.01) small.push(`${width} px: ${px.toFixed(2)} px, ${where}`);
      }
      expect(seen, 'widths at which chart text was measured').toBe(141);
      expect(small, 'chart text under 12 CSS px').toEqual([]);
    });
  }
});
