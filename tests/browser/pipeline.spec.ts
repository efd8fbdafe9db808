/**
 * "The pipeline": the China → Mexico → United States map. At a phone (360×740) and a desktop (1280×800):
 * every step brings the map to its scene (its camera, countries, places and flows, exactly the build-time
 * frame), gliding there with motion and jumping without; a link to a step lands in its state; the seizures
 * inset labels fiscal years and draws no partial year; the stages can be picked by keyboard, by tap and on
 * the map, with their facts and sources; nothing scrolls sideways and nothing logs an error; without
 * JavaScript every step is followed by its own static map. (axe, light and dark, at every step's state:
 * sweep.spec.ts, with every section of the page.)
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { SCENES, type PipelineScene } from '../../src/charts/pipeline/scenes';
import {
  errorsOf,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectSettled,
  figure,
  parseCsv,
  ready,
  ROOT,
  scrollCardToCenter,
} from './support';

const CHART = 'pipeline';
const section = (page: Page) => page.locator('section#pipeline');
const shownSvg = (page: Page) => figure(page, CHART).locator('svg[data-size]').filter({ visible: true });
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

const places = parseCsv(read('content/data/pipeline-places.csv'));
const flows = parseCsv(read('content/data/pipeline-flows.csv'));
const seizures = parseCsv(read('content/data/pipeline-seizures.csv'));
/** The steps of content/story/02-pipeline.md. */
const steps = [...read('content/story/02-pipeline.md').matchAll(/^:::step\{#([\w-]+)\s+state="([\w-]+)"\}/gm)].map((m) => ({
  id: m[1]!,
  scene: m[2]! as PipelineScene,
}));

/** The map on screen shows the scene's emphasised countries, its places and its flows. */
async function expectSceneMarks(page: Page, scene: PipelineScene, where: string): Promise<void> {
  const spec = SCENES[scene];
  const svg = shownSvg(page);
  for (const code of ['CN', 'MX', 'US']) {
    const cls = (spec.emphasis as readonly string[]).includes(code) ? /\bis-focus\b/ : /^(?!.*\bis-focus\b)/;
    await expect(svg.locator(`[data-key="country:${code}"]`), `${where}: ${code}`).toHaveClass(cls);
  }
  const stages = spec.places as readonly string[];
  for (const p of places.filter((r) => stages.includes(r['stage']!))) {
    await expect(svg.locator(`[data-key="dot:${p['id']}"]`), `${where}: the dot of ${p['id']}`).toHaveCount(1);
  }
  const layers = spec.flows.map((f) => f.stage as string);
  const drawn = flows.filter((r) => layers.includes(r['stage']!));
  await expect(svg.locator('[data-key^="flow:"]'), `${where}: flows`).toHaveCount(drawn.length);
  for (const f of drawn) await expect(svg.locator(`[data-key="flow:${f['id']}"]`), `${where}: the flow ${f['id']}`).toHaveCount(1);
}

test.describe('the pipeline map', () => {
  test('every step brings its scene, with its countries, places and flows, and nothing scrolls sideways', async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const errors = errorsOf(page);
    await page.goto('/');
    await ready(page);
    expect(
      await section(page)
        .locator('[data-step]')
        .evaluateAll((els) => els.map((e) => e.id)),
    ).toEqual(steps.map((s) => s.id));
    for (const step of steps) {
      await scrollCardToCenter(page, step.id);
      await expect(page.locator(`#${step.id}`)).toHaveClass(/\bis-active\b/);
      await expectSettled(page, step.scene, 6_000, CHART);
      await expectSceneMarks(page, step.scene, `#${step.id}`);
      await expectNoSidewaysScroll(page, `#${step.id}`);
    }
    expect(errors).toEqual([]);
  });

  test('with motion, the camera glides and the routes draw in, and each step still ends exactly in its scene', async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const errors = errorsOf(page);
    await page.goto(`/#${steps[0]!.id}`);
    await ready(page);
    await expectSettled(page, steps[0]!.scene, 6_000, CHART);
    const next = section(page).locator('[data-step-next]');
    // Mid-glide, the land's transform and a route's drawing are on their way (sampled once, early).
    await next.click();
    const moving = await shownSvg(page).evaluate((svg) => svg.querySelector('[data-key="land"]')?.getAttribute('transform'));
    expect(moving).toMatch(/^translate\([-\d.]+,[-\d.]+\) scale\([\d.]+\)$/);
    await expectSettled(page, steps[1]!.scene, 6_000, CHART);
    for (const step of steps.slice(2)) {
      await next.click();
      await expect(section(page)).toHaveAttribute('data-active-step', step.id);
      await expectSettled(page, step.scene, 6_000, CHART);
    }
    expect(errors).toEqual([]);
  });

  test('a link to any step (/#<step-id>) lands in its state, with no replay of the steps before it', async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const errors = errorsOf(page);
    // Every scene the map is set to while the page loads.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { pipelineScenes: string[] }).pipelineScenes = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (el.matches('figure[data-chart="pipeline"]')) seen.push(el.getAttribute('data-scene') ?? '');
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene'] });
    });
    for (const step of steps) {
      // A fresh load each time (from one hash to another would be a same-page jump).
      await page.goto('about:blank');
      await page.goto(`/#${step.id}`);
      await ready(page);
      await expect(section(page), `/#${step.id}`).toHaveAttribute('data-active-step', step.id);
      await expect(page.locator(`#${step.id}`)).toHaveClass(/\bis-active\b/);
      await expectSettled(page, step.scene, 6_000, CHART);
      await expectSceneMarks(page, step.scene, `/#${step.id}`);
      // The step's card is on screen, where a reader reads it.
      const card = (await page.locator(`#${step.id} .step__card`).boundingBox())!;
      expect(card.y + card.height, `/#${step.id}: the card is on screen`).toBeGreaterThan(0);
      expect(card.y, `/#${step.id}: the card is on screen`).toBeLessThan(page.viewportSize()!.height);
      const seen = await page.evaluate(() => (window as unknown as { pipelineScenes: string[] }).pipelineScenes);
      expect(
        seen.filter((scene) => scene !== step.scene),
        `/#${step.id}: the map goes straight to "${step.scene}"`,
      ).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test('a link to a step lands in its state, and the seizures inset labels fiscal years with no partial year drawn', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const errors = errorsOf(page);
    const crossing = steps.find((s) => s.scene === 'crossing')!;
    await page.goto(`/#${crossing.id}`);
    await ready(page);
    await expect(section(page)).toHaveAttribute('data-active-step', crossing.id);
    await expectSettled(page, 'crossing', 6_000, CHART);
    const svg = shownSvg(page);
    const whole = seizures.filter((r) => r['status'] === 'final').map((r) => r['fiscal_year']!);
    const partial = seizures.filter((r) => r['status'] === 'partial').map((r) => r['fiscal_year']!);
    expect(partial).toEqual(['FY2025']);
    await expect(svg.locator('[data-key^="inset:bar:"]')).toHaveCount(whole.length);
    for (const fy of whole) await expect(svg.locator(`[data-key="inset:bar:${fy}"]`)).toHaveCount(1);
    for (const fy of partial) await expect(svg.locator(`[data-key="inset:bar:${fy}"]`)).toHaveCount(0);
    // The years under the bars are fiscal years, and the peak's figure is the file's.
    await expect(svg.locator('[data-key="inset:year:first"]')).toHaveText(whole[0]!);
    await expect(svg.locator('[data-key="inset:year:last"]')).toHaveText(whole.at(-1)!);
    const peak = Math.max(...seizures.filter((r) => r['status'] === 'final').map((r) => Number(r['pounds'])));
    await expect(svg.locator('[data-key="inset:peak"]')).toHaveText(peak.toLocaleString('en-US'));
    // Where the inset has room it says why FY2025 is missing; the figure's note says it at every size.
    await expect(section(page).locator('.chart-note')).toContainText('FY2025 is not shown because only partial-year figures exist');
    expect(errors).toEqual([]);
  });

  test('the stages can be picked by keyboard, by tap and on the map: the card shows their facts and sources, the map marks them', async ({
    page,
    isMobile,
  }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const errors = errorsOf(page);
    const explore = steps.find((s) => s.scene === 'explore')!;
    await page.goto('/');
    await ready(page);
    await scrollCardToCenter(page, explore.id);
    await expectSettled(page, 'explore', 6_000, CHART);
    const panel = page.locator(`#${explore.id} [data-explore]`);
    await expect(panel).toBeVisible();
    const buttons = panel.locator('button[data-item]');
    const items = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    expect(items.length).toBeGreaterThanOrEqual(5);

    const expectPicked = async (item: string, how: string) => {
      await expect(panel.locator(`button[data-item="${item}"]`), `${how}: ${item} pressed`).toHaveAttribute('aria-pressed', 'true');
      const details = panel.locator(`[data-item-details="${item}"]`);
      await expect(details, `${how}: ${item}'s details`).toBeVisible();
      await expect(details, `${how}: ${item}'s details cite sources`).toContainText(/Sources: [A-Z]\d\d/);
      const svg = shownSvg(page);
      await expect(svg.locator(`[data-group="${item}"].is-picked`).first(), `${how}: ${item}'s marks picked`).toBeAttached();
      await expect(svg.locator(`[data-group="${item}"]:not(.is-picked)`), `${how}: all of ${item}'s marks`).toHaveCount(0);
      await expect(svg.locator(`[data-group]:not([data-group="${item}"]):not(.is-unpicked)`), `${how}: the others step back`).toHaveCount(
        0,
      );
      // Every other stage's details are hidden.
      await expect(panel.locator('[data-item-details]:visible')).toHaveCount(1);
    };

    // Keyboard: each stage's button is reached with Tab and pressed with Enter or Space.
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    await expectPicked(items[0]!, 'Enter');
    for (const item of items.slice(1)) {
      await page.keyboard.press('Tab');
      await expect(panel.locator(`button[data-item="${item}"]`)).toBeFocused();
      await page.keyboard.press('Space');
      await expectPicked(item, 'Space');
    }
    await expectNoAxeViolations(page, 'a stage picked', `#${explore.id}`);

    // A tap (or a click) on a button.
    const button = panel.locator(`button[data-item="${items[1]}"]`);
    if (isMobile) await button.tap();
    else await button.click();
    await expectPicked(items[1]!, 'tap');

    // A tap on the map: a dot of the chemical makers picks their stage.
    const dot = shownSvg(page).locator('[data-key="dot:wuhan"]');
    const box = (await dot.boundingBox())!;
    if (isMobile) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expectPicked('chemicals', 'a tap on the map');

    // On a phone, whichever stage is picked, the card, its buttons and the stage's details sit under the pinned
    // map, all on screen with it.
    if (isMobile) {
      const card = page.locator(`#${explore.id} .step__card`);
      const cardBottomAtScreenBottom = () =>
        card.evaluate((el) => {
          const r = el.getBoundingClientRect();
          window.scrollTo({ top: window.scrollY + r.bottom - window.innerHeight + 8, behavior: 'instant' });
        });
      let picked = 'chemicals';
      for (const item of items) {
        await cardBottomAtScreenBottom();
        if (item !== picked) await panel.locator(`button[data-item="${item}"]`).tap();
        picked = item;
        await expectPicked(item, 'tap');
        await cardBottomAtScreenBottom();
        const [c, g] = [(await card.boundingBox())!, (await section(page).locator('.scrolly__graphic').boundingBox())!];
        const vh = page.viewportSize()!.height;
        expect(c.y, `${item}: the card starts below the pinned map`).toBeGreaterThanOrEqual(g.y + g.height - 1);
        expect(c.y + c.height, `${item}: the card ends on screen`).toBeLessThanOrEqual(vh);
        expect(g.y, `${item}: the pinned map is on screen`).toBeGreaterThanOrEqual(0);
      }
    }
    await expectNoSidewaysScroll(page, 'explore');
    expect(errors).toEqual([]);
  });

  test('without JavaScript, every step is followed by its own static map, drawn from the land in the page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(section(page).locator('svg.chart-defs #pipeline-land')).toHaveCount(1);
    for (const step of steps) {
      const shown = page.locator(`#${step.id} [data-step-figure="${step.scene}"] svg[data-size]`).filter({ visible: true });
      await expect(shown, `#${step.id}: its map`).toHaveCount(1);
      await expect(shown.locator('use[href="#pipeline-land"]'), `#${step.id}: the land`).toHaveCount(1);
      const box = (await shown.boundingBox())!;
      expect(box.width, `#${step.id}: the map has room`).toBeGreaterThan(250);
    }
    await expectNoSidewaysScroll(page, 'no JavaScript');
    await context.close();
  });
});
