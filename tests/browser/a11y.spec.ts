/**
 * axe-core finds nothing to fix: at the top of the page, and in the explore state with the data
 * table open (the richest state: toggles, slider, table, every series drawn).
 */
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, expectSettled, explorePanel, ready, scrollCardToCenter, storyCharts } from './support';

test('no axe violations at the top of the page', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expectNoAxeViolations(page, 'at the top of the page');
});

test('no axe violations in the explore state, then with the data table open', async ({ page }) => {
  test.setTimeout(120_000); // three axe runs over the whole page, the last with every chart's table open
  await page.goto('/');
  await ready(page);
  await scrollCardToCenter(page, 'explore-toll');
  await expectSettled(page, 'explore');
  await expect(explorePanel(page)).toBeVisible();
  await expectNoAxeViolations(page, 'in the explore state');

  // Open every chart's table (each click scrolls down to it), then come back up to the explore step.
  const tables = await page.locator('details.data-table').all();
  expect(tables.length, 'a data table per chart').toBe(storyCharts().length);
  for (const table of tables) {
    await table.locator('summary').click();
    await expect(table).toHaveAttribute('open', '');
    await expect(table.locator('table')).toBeVisible();
  }
  // A page wider than the screen makes a phone zoom out, which moves every step (see quality.spec.ts).
  const viewportWidth = page.viewportSize()?.width;
  expect(await page.evaluate(() => window.innerWidth), 'the open tables keep the page as wide as the screen').toBe(viewportWidth);
  await scrollCardToCenter(page, 'explore-toll');
  await expectSettled(page, 'explore');
  await expect(explorePanel(page)).toBeVisible();
  await expectNoAxeViolations(page, 'in the explore state, data tables open');
});

test.describe('in the dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('no axe violations at the top, in the explore state with the table and sources open, and in article mode', async ({ page }) => {
    // Every details open includes each chart's Embed panel, whose live preview is a page of its own that axe checks too.
    test.setTimeout(150_000);
    await page.goto('/');
    await ready(page);
    expect(await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expectNoAxeViolations(page, 'dark, at the top of the page');
    for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await scrollCardToCenter(page, 'explore-toll');
    await expectSettled(page, 'explore');
    await expect(explorePanel(page)).toBeVisible();
    await expectNoAxeViolations(page, 'dark, explore state, every details open');
    await page.goto('/?mode=article');
    await expect(page.locator('.step-figure').first()).toBeVisible();
    await expectNoAxeViolations(page, 'dark, article mode');
  });
});
