/**
 * Without JavaScript the page still tells the whole story: the prerendered chart (first step's
 * scene, the total line), every step's text, and the full data table.
 */
import { test, expect } from '@playwright/test';
import { csvYears, expectNoAxeViolations, figure, fmt, mark, peakOf, section, storySteps, visibleSvg } from './support';

test.use({ javaScriptEnabled: false });

test('without JavaScript: static chart, every step’s text, the full data table', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-scrolly]')).not.toHaveClass(/\bis-enhanced\b/);
  await expect(section(page)).not.toHaveAttribute('data-active-step');
  await expect(figure(page)).toHaveAttribute('data-scene', 'total');
  await expect(visibleSvg(page)).toHaveCount(1);
  await expect(visibleSvg(page)).toBeVisible();
  await expect(mark(page, 'line:total')).toBeVisible();
  await expect(section(page).locator('[data-explore]')).toBeHidden();
  // The reading-mode switch needs JavaScript: without it, it is not offered.
  await expect(page.locator('[data-mode-toggle]')).toBeHidden();

  // Every step of the story, in order, with all its words.
  const steps = storySteps();
  expect(steps.length).toBeGreaterThan(0);
  await expect(section(page).locator('[data-step]')).toHaveCount(steps.length);
  for (const step of steps) {
    const el = page.locator(`#${step.id}`);
    await expect(el).toHaveAttribute('data-scene', step.scene);
    await expect(el).toBeVisible();
    await expect(el.locator('h3')).toHaveText(plain(step.heading));
    for (const p of step.paragraphs) await expect(el).toContainText(plain(p));
  }

  // The table: one row per year of the CSV, 1999 to 2024, the peak among them.
  const years = csvYears();
  expect(years[0]).toBe(1999);
  expect(years.at(-1)).toBe(2024);
  const rows = page.locator('details.data-table table tbody tr');
  await expect(rows).toHaveCount(years.length);
  expect(years.length).toBe(26);
  await expect(rows.locator('th[scope="row"]')).toHaveText(years.map(String));
  const peak = peakOf('total');
  await expect(rows.filter({ has: page.locator('th', { hasText: String(peak.year) }) })).toContainText(fmt(peak.value));
  await expect(page.locator('details.data-table table')).toContainText('107,941');
});

test.describe('axe', () => {
  // axe-core runs as JavaScript in the page, so this context keeps JavaScript on and blocks the
  // site's own scripts instead: the page is then exactly what a reader without JavaScript gets.
  test.use({ javaScriptEnabled: true });

  test('without the site’s JavaScript: no axe violations, data table open', async ({ page }) => {
    const blocked: string[] = [];
    await page.route(/\.m?js(\?|$)/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto('/');
    expect(blocked.length, 'the site’s scripts were blocked').toBeGreaterThan(0);
    await expect(page.locator('[data-scrolly]')).not.toHaveClass(/\bis-enhanced\b/);
    await expect(figure(page)).toHaveAttribute('data-scene', 'total');
    await page.locator('details.data-table summary').click();
    await expect(page.locator('details.data-table table')).toBeVisible();
    await expectNoAxeViolations(page, 'without JavaScript, data table open');
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
  // A glossary term (:term[words]{#id}) reads as its words, followed on first use by its definition in brackets.
  const parts = p.split(/:term\[([^\]]+)\]\{[^}]*\}/);
  return new RegExp(parts.map((part, i) => (i % 2 === 1 ? `${escape(part)}(?:\\s*\\([^)]*\\))?` : escape(part))).join(''));
}
