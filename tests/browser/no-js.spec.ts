/**
 * Without JavaScript the page still tells the whole story: every step's text followed by its own chart,
 * drawn at build time in that step's scene (the plain-article layout), and the full data table.
 */
import { test, expect } from '@playwright/test';
import { csvYears, expectNoAxeViolations, figure, fmt, peakOf, section, storySteps } from './support';

test.use({ javaScriptEnabled: false });

test('without JavaScript: every step’s text followed by its own chart in that step’s scene, the full data table', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-scrolly].is-enhanced')).toHaveCount(0);
  await expect(section(page)).not.toHaveAttribute('data-active-step');
  // Nothing is pinned: the one chart that would animate is not shown.
  await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
  await expect(section(page).locator('[data-explore]')).toBeHidden();
  // The reading-mode switch needs JavaScript: without it, it is not offered.
  await expect(page.locator('[data-mode-toggle]')).toBeHidden();

  // Every step of the story, in order, with all its words, and right after them its chart in its scene.
  const steps = storySteps();
  expect(steps.length).toBeGreaterThan(0);
  await expect(section(page).locator('[data-step]')).toHaveCount(steps.length);
  for (const step of steps) {
    const el = page.locator(`#${step.id}`);
    await expect(el).toHaveAttribute('data-scene', step.scene);
    await expect(el).toBeVisible();
    await expect(el.locator('h3')).toHaveText(plain(step.heading));
    for (const p of step.paragraphs) await expect(el.locator('.step__card')).toContainText(plain(p), { useInnerText: true });
    const fig = el.locator('.step__card + [data-step-figure]');
    await expect(fig, `#${step.id} is followed by its chart`).toHaveAttribute('data-step-figure', step.scene);
    const shown = fig.locator('svg[data-size]').filter({ visible: true });
    await expect(shown, `#${step.id}: one size of its chart is shown`).toHaveCount(1);
    const box = await shown.boundingBox();
    expect(box!.width, `#${step.id}: its chart has room`).toBeGreaterThan(250);
    // A scene with lines draws them (the scene's own marks are on screen, not an empty frame).
    expect(await shown.locator('[data-key^="line:"]').count(), `#${step.id}: lines in its chart`).toBeGreaterThan(0);
  }

  // The table: one row per year of the CSV, 1999 to 2024, the peak among them.
  const years = csvYears();
  expect(years[0]).toBe(1999);
  expect(years.at(-1)).toBe(2024);
  const rows = section(page).locator('details.data-table table tbody tr');
  await expect(rows).toHaveCount(years.length);
  expect(years.length).toBe(26);
  await expect(rows.locator('th[scope="row"]')).toHaveText(years.map(String));
  const peak = peakOf('total');
  await expect(rows.filter({ has: page.locator('th', { hasText: String(peak.year) }) })).toContainText(fmt(peak.value));
  await expect(section(page).locator('details.data-table table')).toContainText('107,941');
});

test.describe('on a screen where a step’s chart is wider than the compact layout’s band', () => {
  test.use({ viewport: { width: 720, height: 1000 } });
  test.skip(({ isMobile }) => isMobile, 'sets its own viewport: once, in the desktop project');

  test('every step’s chart is still shown, at the column’s width', async ({ page }) => {
    await page.goto('/');
    for (const step of storySteps()) {
      const shown = page.locator(`#${step.id} [data-step-figure] svg[data-size]`).filter({ visible: true });
      await expect(shown, `#${step.id}: its chart`).toHaveCount(1);
      expect((await shown.boundingBox())!.width, `#${step.id}: wider than 440 px`).toBeGreaterThan(440);
    }
  });
});

test('a printout without a beforeprint event (a saved page, a headless PDF) has every step’s chart', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/');
  const steps = storySteps();
  for (const step of steps) {
    await expect(page.locator(`#${step.id} [data-step-figure="${step.scene}"] svg[data-size]`).filter({ visible: true })).toHaveCount(1);
  }
  await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
});

test.describe('axe', () => {
  // axe-core runs as JavaScript in the page, so this context keeps JavaScript on and blocks the
  // site's own scripts instead: the page is then exactly what a reader without JavaScript gets.
  test.use({ javaScriptEnabled: true });

  test('without the site’s JavaScript: no axe violations, data tables open', async ({ page }) => {
    // axe over the whole page, three charts and every step's own chart, is slow on a busy machine.
    test.setTimeout(150_000);
    const blocked: string[] = [];
    await page.route(/\.m?js(\?|$)/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto('/');
    expect(blocked.length, 'the site’s scripts were blocked').toBeGreaterThan(0);
    await expect(page.locator('[data-scrolly].is-enhanced')).toHaveCount(0);
    // Scripting is on but the script never ran: the pinned layout, the chart in the first step's scene.
    const first = storySteps()[0]!;
    await expect(figure(page)).toHaveAttribute('data-scene', first.scene);
    await expect(figure(page).locator('svg[data-size]').filter({ visible: true }).locator('[data-key^="line:"]').first()).toBeVisible();
    // Every section's data table open.
    const summaries = page.locator('details.data-table summary');
    for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
    await expect(page.locator('details.data-table table').filter({ visible: true })).toHaveCount(await summaries.count());
    await expectNoAxeViolations(page, 'without JavaScript, data tables open');
  });
});

/**
 * A markdown paragraph as a pattern for the text the page prints: inline markup dropped, straight
 * or typographic quotes alike, any run of white space.
 */
function plain(p: string): RegExp {
  const escape = (t: string) =>
    t
      .replace(/[*_`]/g, '')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/['‘’]/g, "['‘’]")
      .replace(/["“”]/g, '["“”]')
      .replace(/\s+/g, '\\s+');
  // A glossary term (:term[words]{#id}) reads as its words (its definition opens on demand).
  const parts = p.split(/:term\[([^\]]+)\]\{[^}]*\}/);
  return new RegExp(parts.map(escape).join(''));
}
