/**
 * The story read as a reader reads it: real wheel scrolling, step by step, then back up. At each
 * step the chart must show that step's scene, finished, with the step's telling marks on screen and
 * the numbers of content/data/overdose-deaths.csv.
 */
import { test, expect, type Page } from '@playwright/test';
import {
  activeStep,
  allSteps,
  categories,
  chartMilestones,
  deathSeries,
  domSteps,
  expectMarkShown,
  expectSettled,
  explorePanel,
  figure,
  fmt,
  lastOf,
  mark,
  peakOf,
  pointAt,
  ready,
  scrollCardToCenter,
  section,
  storySteps,
  visibleSvg,
  type StepInfo,
} from './support';

const WHEEL = 200;

function waveStart(wave: number): number {
  const c = categories().find((r) => r['wave'] === String(wave));
  if (!c) throw new Error(`overdose-categories.csv has no wave ${wave}`);
  return Number(c['wave_start']);
}

/** Every text in the visible chart lies inside the viewport horizontally: nothing cut off at the screen edge. */
async function expectTextsOnScreen(page: Page): Promise<void> {
  const outside = await visibleSvg(page).evaluate((svg) =>
    Array.from(svg.querySelectorAll('text'))
      .filter((t) => Number(t.getAttribute('opacity') ?? '1') > 0 && (t.textContent ?? '') !== '')
      .map((t) => ({ key: t.getAttribute('data-key'), r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.left < -1 || r.right > window.innerWidth + 1)
      .map(({ key, r }) => `${key} [${Math.round(r.left)}, ${Math.round(r.right)}]`),
  );
  expect(outside, 'chart labels cut off at the edge of the screen').toEqual([]);
}

/**
 * A callout's words on the visible chart (a label may run over two lines: `key`, `key:2`). A narrow chart
 * may print the figure alone: its year is on the axis, and a hollow dot and dashes say provisional.
 */
async function expectCallout(
  page: Page,
  key: string,
  value: number,
  year: number,
  opts: { peak?: boolean; provisional?: boolean } = {},
): Promise<void> {
  await expectMarkShown(page, key);
  const text = (await visibleSvg(page).locator(`[data-key="${key}"], [data-key^="${key}:"]`).allTextContents()).join(' ');
  expect(text, `${key}: the figure`).toContain(fmt(value));
  if (/ in \d{4}/.test(text)) expect(text, `${key}: its year`).toContain(`${fmt(value)} in ${year}`);
  if (opts.peak && size(page) === 'wide') expect(text).toContain('the peak');
  if (opts.provisional && (await visibleSvg(page).getAttribute('data-size')) !== 'compact') expect(text).toContain('(provisional)');
}
const size = (page: Page) => (page.viewportSize()?.width && page.viewportSize()!.width >= 896 ? 'wide' : 'narrow');

/** What the reader must see in each scene, beyond the exact frame (checked by expectSettled). */
async function expectSceneContent(page: Page, scene: string): Promise<void> {
  const size = await visibleSvg(page).getAttribute('data-size');
  switch (scene) {
    case 'total': {
      await expectMarkShown(page, 'line:total');
      const first = deathSeries('total')[0]!;
      const peak = peakOf('total');
      // The text alternative (live region) speaks the same numbers.
      await expect(figure(page).locator('[data-chart-live]')).toContainText(fmt(first.value));
      await expect(figure(page).locator('[data-chart-live]')).toContainText(`${fmt(peak.value)} in ${peak.year}`);
      break;
    }
    case 'wave-prescription':
      await expect(await expectMarkShown(page, 'wave:1:text')).toContainText(String(waveStart(1)));
      await expectMarkShown(page, 'line:prescription_opioids_incl_methadone');
      break;
    case 'wave-heroin':
      await expect(await expectMarkShown(page, 'wave:2:text')).toContainText(String(waveStart(2)));
      await expectMarkShown(page, 'line:heroin');
      break;
    case 'wave-synthetic':
      await expect(await expectMarkShown(page, 'wave:3:text')).toContainText(String(waveStart(3)));
      await expectMarkShown(page, 'line:synthetic_opioids');
      break;
    case 'surge': {
      const peak = peakOf('synthetic_opioids');
      expect(fmt(peak.value)).toBe('73,838');
      await expectCallout(page, 'callout:synthetic_opioids:peak:text', peak.value, peak.year, { peak: true });
      const start = pointAt('synthetic_opioids', waveStart(3));
      await expectCallout(page, 'callout:synthetic_opioids:wave-start:text', start.value, start.year);
      break;
    }
    case 'policy': {
      const milestones = chartMilestones();
      expect(milestones).toHaveLength(3);
      await expect(visibleSvg(page).locator('[data-key^="milestone:"][data-key$=":text"]')).toHaveCount(milestones.length);
      for (const m of milestones) {
        const label = await expectMarkShown(page, `milestone:${m.id}:text`);
        await expect(label).toContainText(m.dateLabel);
        if (size === 'wide') await expect(label).toContainText(m.shortLabel);
      }
      break;
    }
    case 'decline': {
      const peak = peakOf('total');
      const last = lastOf('total');
      const synth = lastOf('synthetic_opioids');
      expect(fmt(peak.value)).toBe('107,941');
      expect(fmt(last.value)).toBe('79,384');
      expect(synth.provisional).toBe(true);
      await expectMarkShown(page, `pdot:synthetic_opioids:${synth.year}`);
      await expectMarkShown(page, 'prov:synthetic_opioids');
      await expectCallout(page, 'callout:total:peak:text', peak.value, peak.year, { peak: true });
      await expectCallout(page, 'callout:total:last:text', last.value, last.year);
      await expectCallout(page, 'callout:synthetic_opioids:last:text', synth.value, synth.year, { provisional: true });
      break;
    }
    case 'provisional': {
      // The provisional count and its release: the dashed end of the line, the hollow dot, the figure.
      const synth = lastOf('synthetic_opioids');
      expect(synth.provisional).toBe(true);
      await expectMarkShown(page, 'prov:synthetic_opioids');
      await expectCallout(page, 'callout:synthetic_opioids:last:text', synth.value, synth.year, { provisional: true });
      await expect(figure(page).locator('[data-chart-live]')).toContainText(fmt(synth.value));
      expect(synth.release).toBeTruthy();
      await expect(figure(page).locator('[data-chart-live]')).toContainText(synth.release!);
      break;
    }
    case 'explore': {
      const panel = explorePanel(page);
      await expect(panel).toBeVisible();
      const last = lastOf('total');
      await expect(panel.locator('output[data-explore-year]')).toHaveText(String(last.year));
      await expect(panel.locator('input[type="range"]')).toHaveAttribute(
        'aria-valuetext',
        new RegExp(`^${last.year}\\..*${fmt(last.value)}`),
      );
      const toggles = panel.locator('button[data-group]');
      await expect(toggles).toHaveCount(6);
      for (const t of await toggles.all()) await expect(t).toHaveAttribute('aria-pressed', 'true');
      break;
    }
    default:
      throw new Error(`no expectations written for scene "${scene}"`);
  }
  if (scene !== 'explore') await expect(explorePanel(page)).toBeHidden();
}

async function expectStepShown(page: Page, step: StepInfo): Promise<void> {
  await expect(figure(page), `scene for step #${step.id}`).toHaveAttribute('data-scene', step.scene);
  const el = page.locator(`#${step.id}`);
  await expect(el).toHaveClass(/\bis-active\b/);
  await expect(section(page).locator('[data-step].is-active')).toHaveCount(1);
  await expect(el.locator('.step__card'), `card of #${step.id} on screen when its scene shows`).toBeInViewport();
  await expectSettled(page, step.scene);
  await expectSceneContent(page, step.scene);
  await expectTextsOnScreen(page);
  // The live region speaks the scene's description (the SVG's own <desc>), which says something.
  const desc = await visibleSvg(page).locator('desc').textContent();
  expect(desc?.trim()).toBeTruthy();
  await expect(figure(page).locator('[data-chart-live]')).toContainText(desc ?? '');
}

test('the DOM steps are the steps of content/story/01-toll.md', async ({ page }) => {
  await page.goto('/');
  const fromContent = storySteps().map(({ id, scene }) => ({ id, scene }));
  expect(fromContent.length).toBeGreaterThanOrEqual(8);
  expect(await domSteps(page)).toEqual(fromContent);
});

test('section#toll carries data-active-step: "" before the first step, then the active step’s id', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expect(section(page)).toHaveAttribute('data-active-step', '');
  const [first] = await domSteps(page);
  await page.mouse.move(5, 5);
  for (let i = 0; i < 60 && (await activeStep(page)) !== first!.id; i++) {
    await page.mouse.wheel(0, WHEEL);
    await page.waitForTimeout(80);
  }
  await expect(section(page)).toHaveAttribute('data-active-step', first!.id);
});

test('scrolling through the story shows each step’s scene, then back up to the empty axes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await ready(page);
  const steps = await domSteps(page);
  expect(steps.length).toBeGreaterThan(0);

  // Before the first step, once the chart is on screen (at the top of a phone's page it is not yet): the entry
  // scene, axes only, nothing active.
  expect(await activeStep(page)).toBe('');
  await page.mouse.move(5, 5);
  const onScreen = () => visibleSvg(page).evaluate((svg) => svg.getBoundingClientRect().top < window.innerHeight);
  for (let i = 0; i < 60 && !(await onScreen()); i++) {
    await page.mouse.wheel(0, WHEEL);
    await page.waitForTimeout(80);
  }
  expect(await onScreen(), 'the chart has come on screen').toBe(true);
  expect(await activeStep(page)).toBe('');
  await expectSettled(page, 'axes');
  await expect(mark(page, 'line:total')).toHaveCount(0);

  // Down, one wheel notch at a time.
  const seen: string[] = [];
  let current = '';
  for (let i = 0; i < 300 && seen.length < steps.length; i++) {
    await page.mouse.wheel(0, WHEEL);
    await page.waitForTimeout(80);
    const now = await activeStep(page);
    if (now === current) continue;
    current = now;
    seen.push(now);
    const step = steps.find((s) => s.id === now);
    expect(step, `active step "${now}" is a step of the section (seen so far: ${seen.join(' → ')})`).toBeDefined();
    await expectStepShown(page, step!);
  }
  expect(seen, 'steps activated in order, none skipped').toEqual(steps.map((s) => s.id));

  // Back up, past the first step.
  const up: string[] = [];
  for (let i = 0; i < 300 && current !== ''; i++) {
    await page.mouse.wheel(0, -WHEEL * 2);
    await page.waitForTimeout(80);
    const now = await activeStep(page);
    if (now === current) continue;
    current = now;
    up.push(now);
    const step = steps.find((s) => s.id === now);
    if (step) await expect(figure(page)).toHaveAttribute('data-scene', step.scene);
  }
  expect(up, 'steps re-activated in reverse order on the way up').toEqual([
    ...steps
      .slice(0, -1)
      .map((s) => s.id)
      .reverse(),
    '',
  ]);
  await expectSettled(page, 'axes');
  await expect(section(page).locator('[data-step].is-active')).toHaveCount(0);
  await expect(mark(page, 'line:total')).toHaveCount(0);
});

test('each chart fetches the frames of the size on screen once, only where the page does not carry them (none on a phone)', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    // The page's fetches (this suite's own frame checks read the same files by XHR).
    const path = new URL(r.url()).pathname;
    if (path.includes('/frames/') && r.resourceType() === 'fetch') requested.push(path);
  });
  await page.goto('/');
  await ready(page);
  // The steps' own charts carry the compact size: a chart shown compact needs no file.
  const want = await page.locator('figure[data-chart][data-frames]').evaluateAll((figs) =>
    figs.flatMap((fig) => {
      const shown = Array.from(fig.querySelectorAll('svg[data-size]')).find((svg) => svg.getClientRects().length > 0);
      const size = shown?.getAttribute('data-size') ?? '';
      return size === 'compact' ? [] : [`${fig.getAttribute('data-frames')}.${size}.svg`];
    }),
  );
  const steps = await domSteps(page);
  // Nothing is fetched for a chart whose section has not come near the screen (a section mounts as it does).
  const mounted = await page
    .locator('[data-scrolly].is-enhanced figure[data-chart][data-frames]')
    .evaluateAll((figs) => figs.map((f) => `${f.getAttribute('data-frames')}.`));
  expect(
    requested.filter((path) => !mounted.some((stem) => path.startsWith(stem))),
    'fetched at the top of the page for a chart not near the screen',
  ).toEqual([]);
  // Read through the toll, so its chart draws a step: files are fetched once however often they are needed.
  for (const step of steps.slice(0, 3)) await scrollCardToCenter(page, step.id);
  await expectSettled(page, steps[2]!.scene);
  // …then to the first step of each other section, so every chart draws one.
  const others = (await allSteps(page)).filter((s) => s.chart !== 'overdoses');
  for (const chart of new Set(others.map((s) => s.chart))) {
    const first = others.find((s) => s.chart === chart)!;
    await scrollCardToCenter(page, first.id);
    await expect(figure(page, chart)).toHaveAttribute('data-scene', first.scene);
  }
  await expect.poll(() => [...requested].sort()).toEqual([...want].sort());
  expect(new Set(requested).size, `fetched twice: ${requested.join(', ')}`).toBe(requested.length);
});
