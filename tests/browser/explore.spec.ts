/**
 * The explore state: the reader reads any year (slider, hover, tap) and turns series off. Values
 * must be those of content/data/overdose-deaths.csv.
 */
import { test, expect, type Page } from '@playwright/test';
import {
  activeStep,
  csvYears,
  expectSettled,
  explorePanel,
  figure,
  fmt,
  mark,
  pointAt,
  ready,
  scrollCardToCenter,
  visibleSvg,
} from './support';

interface Column {
  label: string;
  x: number;
}

/** The readout columns the visible SVG's explore frame offers (year label and x in SVG units). */
async function columns(page: Page): Promise<Column[]> {
  const size = await visibleSvg(page).getAttribute('data-size');
  return figure(page).evaluate((fig, s) => {
    const payload = JSON.parse(fig.querySelector('script[data-chart-payload]')?.textContent ?? '{}') as {
      readouts: Record<string, Record<string, { label: string; x: number }[]>>;
    };
    return (payload.readouts[s ?? '']?.['explore'] ?? []).map((c) => ({ label: c.label, x: c.x }));
  }, size);
}

/** Where, in the viewport, the visible SVG draws x (SVG units) at the middle of its plot's height. */
async function screenPoint(page: Page, x: number): Promise<{ x: number; y: number }> {
  return visibleSvg(page).evaluate((svg, sx) => {
    const el = svg as SVGSVGElement;
    const ctm = el.getScreenCTM();
    const clip = el.querySelector('clipPath rect');
    const y = Number(clip?.getAttribute('y') ?? 0) + Number(clip?.getAttribute('height') ?? 0) / 2;
    if (!ctm) throw new Error('no CTM for the chart');
    const p = new DOMPoint(sx, y).matrixTransform(ctm);
    return { x: p.x, y: p.y };
  }, x);
}

/** What a pointer at (x, y) would land on: a short description, and whether it is inside the chart SVG. */
async function hitAt(page: Page, p: { x: number; y: number }): Promise<{ inChart: boolean; what: string }> {
  return page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    const svg = el?.closest('svg[data-size]');
    const what = el
      ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')}`
      : 'nothing';
    return { inChart: svg !== null && svg !== undefined, what };
  }, p);
}

const panel = explorePanel;
const slider = (page: Page) => panel(page).locator('input[type="range"]');
const yearOut = (page: Page) => panel(page).locator('output[data-explore-year]');

test('desktop: slider, series toggles and hover read the data', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the phone has its own test below');
  await page.goto('/');
  await ready(page);
  await scrollCardToCenter(page, 'explore-toll');
  await expectSettled(page, 'explore');
  await expect(panel(page)).toBeVisible();

  // Keyboard: eight years back from the last one.
  const years = csvYears();
  const lastYear = years.at(-1)!;
  const year = lastYear - 8;
  expect(year).toBe(2016);
  await expect(yearOut(page)).toHaveText(String(lastYear));
  await slider(page).focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await expect(yearOut(page)).toHaveText(String(year));
  const total = fmt(pointAt('total', year).value);
  const synth = fmt(pointAt('synthetic_opioids', year).value);
  const heroin = fmt(pointAt('heroin', year).value);
  expect([total, synth]).toEqual(['63,632', '19,413']);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(`^${year}\\.`));
  await expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(total));
  await expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(synth));
  // The year's figures appear beside their dots on the chart.
  await expect(mark(page, 'readout:label:heroin')).toHaveText(heroin);
  await expect(mark(page, 'readout:label:total')).toHaveText(total);
  const cols = await columns(page);
  const col2016 = cols.find((c) => c.label === String(year));
  await expect(mark(page, 'readout:rule')).toHaveAttribute('x1', String(col2016?.x));
  await expect(mark(page, 'readout:dot:heroin')).toHaveCount(1);

  // Turn heroin off: its button says so, and its marks leave the chart once the transition ends.
  const toggle = panel(page).locator('button[data-group="heroin"]');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(visibleSvg(page).locator('[data-group="heroin"]'), 'heroin marks after the transition').toHaveCount(0, { timeout: 2_500 });
  await expect(mark(page, 'readout:dot:heroin')).toHaveCount(0);
  await expect(slider(page)).not.toHaveAttribute('aria-valuetext', /Heroin/);
  await expect(mark(page, 'line:total')).toBeVisible();
  await expect(mark(page, 'line:synthetic_opioids')).toBeVisible();
  // …and back on.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(mark(page, 'line:heroin')).toHaveCount(1);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /Heroin/);

  // Hover: the pointer over 2010 selects 2010.
  const col2010 = cols.find((c) => c.label === '2010');
  expect(col2010).toBeDefined();
  const p = await screenPoint(page, col2010!.x);
  const hit = await hitAt(page, p);
  expect(hit.inChart, `the pointer over the chart lands on ${hit.what}`).toBe(true);
  await page.mouse.move(p.x - 40, p.y - 20);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await expect(yearOut(page)).toHaveText('2010');
  await expect(mark(page, 'readout:rule')).toHaveAttribute('x1', String(col2010!.x));
  await expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(`^2010\\..*${fmt(pointAt('total', 2010).value)}`));
});

interface TapProbe {
  /** Points of the year's column, inside the plot, on screen and not under a step card: where the reader sees the chart. */
  readonly seen: { x: number; y: number }[];
  /** Those of them that a tap would not deliver to the chart, with what it would hit instead. */
  readonly blocked: string[];
}

/** Walks down the column of SVG x `sx` through the plot and hit-tests every point the reader can see. */
async function probeColumn(page: Page, sx: number): Promise<TapProbe> {
  return visibleSvg(page).evaluate((svg, x) => {
    const el = svg as SVGSVGElement;
    const ctm = el.getScreenCTM();
    const clip = el.querySelector('clipPath rect');
    if (!ctm || !clip) throw new Error('chart without CTM or plot');
    const y0 = Number(clip.getAttribute('y'));
    const h = Number(clip.getAttribute('height'));
    const cards = Array.from(document.querySelectorAll('.step__card')).map((c) => c.getBoundingClientRect());
    const seen: { x: number; y: number }[] = [];
    const blocked: string[] = [];
    for (let f = 0.05; f < 1; f += 0.05) {
      const p = new DOMPoint(x, y0 + h * f).matrixTransform(ctm);
      if (p.y < 0 || p.y > window.innerHeight || p.x < 0 || p.x > window.innerWidth) continue;
      if (cards.some((r) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom)) continue;
      seen.push({ x: p.x, y: p.y });
      const hit = document.elementFromPoint(p.x, p.y);
      if (!hit?.closest('svg[data-size]')) {
        const step = hit?.closest('[id]');
        blocked.push(
          `y=${Math.round(p.y)}: ${hit?.tagName.toLowerCase() ?? 'nothing'}.${String(hit?.getAttribute('class') ?? '').replace(/\s+/g, '.')}${step ? ` in #${step.id}` : ''}`,
        );
      }
    }
    return { seen, blocked };
  }, sx);
}

/** Where the reader sees the chart, a tap reaches it; a tap on the year's column selects that year. */
async function expectTapSelects(page: Page, year: string, where: string): Promise<void> {
  const col = (await columns(page)).find((c) => c.label === year);
  expect(col, `readout column ${year}`).toBeDefined();
  const probe = await probeColumn(page, col!.x);
  expect(probe.seen.length, `${where}: part of the chart is on screen, not under a card`).toBeGreaterThan(0);
  expect.soft(probe.blocked, `${where}: taps on the visible chart that do not reach it`).toEqual([]);
  const at = probe.seen[Math.floor(probe.seen.length / 2)]!;
  await page.touchscreen.tap(at.x, at.y);
  await expect.soft(yearOut(page), `${where}: year after a tap on ${year}`).toHaveText(year, { timeout: 2_000 });
  await expect
    .soft(mark(page, 'readout:rule'), `${where}: readout rule at ${year}`)
    .toHaveAttribute('x1', String(col!.x), { timeout: 1_000 });
}

test('phone: taps on the chart select a year, a tap on a toggle hides a series', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'touch on the phone project only');
  await page.goto('/');
  await ready(page);
  // Arrive at the explore step the way a reader does: scrolling down from the step before it.
  await scrollCardToCenter(page, 'recent-decline');
  await expectSettled(page, 'decline');
  await page.mouse.move(5, 5);
  for (let i = 0; i < 40 && (await activeStep(page)) !== 'explore-toll'; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(80);
  }
  await expectSettled(page, 'explore');
  await expect(panel(page)).toBeVisible();

  // Just arrived: wherever the chart shows, a tap on it reads a year.
  await expectTapSelects(page, '2010', 'explore step just reached');

  // The Heroin toggle answers a tap.
  const toggle = panel(page).locator('button[data-group="heroin"]');
  await toggle.scrollIntoViewIfNeeded();
  await expect(figure(page)).toHaveAttribute('data-scene', 'explore');
  const box = await toggle.boundingBox();
  expect(box).not.toBeNull();
  const c = { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
  const hitToggle = await hitAt(page, c);
  expect.soft(hitToggle.what, 'a tap on the Heroin toggle lands on the toggle').toMatch(/^(button|span)\b.*toggle/);
  await page.touchscreen.tap(c.x, c.y);
  await expect.soft(toggle, 'Heroin toggle after a tap').toHaveAttribute('aria-pressed', 'false', { timeout: 2_000 });

  // The reader reads on until the step's card has left over the top; the chart is still pinned, in explore.
  await page.evaluate(() => {
    const card = document.querySelector('#explore-toll .step__card')!;
    window.scrollBy({ top: card.getBoundingClientRect().bottom + 10, behavior: 'instant' });
  });
  await expect(page.locator('#explore-toll .step__card')).not.toBeInViewport();
  await expect(figure(page)).toHaveAttribute('data-scene', 'explore');
  await expect(visibleSvg(page)).toBeInViewport({ ratio: 0.9 });
  await expectTapSelects(page, '2016', 'card scrolled away, chart still pinned');
});
