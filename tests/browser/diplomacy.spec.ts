/**
 * "The diplomacy": the US–China timeline above the yearly death toll. At a phone (360×740) and a desktop
 * (1280×800): every step brings its scene with its own events emphasised, dated and named; the quotes
 * are verbatim and attributed; a link to a step lands in its state; the events can be explored by
 * keyboard and by tap; axe finds nothing in the light or the dark scheme; nothing scrolls sideways and
 * nothing logs an error; and without JavaScript every step is followed by its own static timeline, the
 * table lists every event (a date known only to the month stays a month) and the note says the deaths
 * line shows timing, not cause.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { SCENES, type DiplomacyScene, type SceneSpec } from '../../src/charts/diplomacy/scenes';
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

const CHART = 'diplomacy';
const section = (page: Page) => page.locator('section#diplomacy');
const shownSvg = (page: Page) => figure(page, CHART).locator('svg[data-size]').filter({ visible: true });
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

const events = new Map(parseCsv(read('content/data/milestones.csv')).map((r) => [r['id'] ?? '', r]));
const quotes = new Map(parseCsv(read('content/data/quotes.csv')).map((r) => [r['id'] ?? '', r]));
/** The steps of content/story/03-diplomacy.md, with the quote each places. */
const steps = [...read('content/story/03-diplomacy.md').matchAll(/^:::step\{#([\w-]+)\s+state="([\w-]+)"\}\s*\n([\s\S]*?)^:::\s*$/gm)].map(
  (m) => ({ id: m[1]!, scene: m[2]! as DiplomacyScene, quote: /^::quote\{#([\w-]+)\}/m.exec(m[3] ?? '')?.[1] }),
);
const spec = (scene: DiplomacyScene): SceneSpec => SCENES[scene];

/** "2023-11-15" → "Nov 15, 2023"; "2019-05" → "May 2019" (the chart's labels, en-US). */
function dateLabel(iso: string): string {
  const [y = 1970, m = 1, d] = iso.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', timeZone: 'UTC', ...(d ? { day: 'numeric' } : {}) };
  return new Intl.DateTimeFormat('en-US', options).format(new Date(Date.UTC(y, m - 1, d ?? 1)));
}

/** The chart on screen emphasises exactly the scene's events: a ringed dot, its date and its short label. */
async function expectEmphasis(page: Page, scene: DiplomacyScene, where: string): Promise<void> {
  const svg = shownSvg(page);
  const want = spec(scene).emphasis;
  await expect(svg.locator('.ev--em'), `${where}: emphasised dots`).toHaveCount(want.length);
  for (const id of want) {
    const row = events.get(id)!;
    await expect(svg.locator(`[data-key="ev:${id}"]`), `${where}: ${id}`).toHaveClass(/\bev--em\b/);
    await expect(svg.locator(`[data-key="date:${id}"]`), `${where}: ${id}'s date`).toHaveText(dateLabel(row['date']!));
    const name = await svg.locator(`[data-key^="name:${id}"]`).allTextContents();
    expect(name.join(' '), `${where}: ${id}'s label`).toBe(row['short_label']);
  }
}

test.describe('the diplomacy timeline', () => {
  test.use({ reducedMotion: 'reduce' });

  test('every step shows its scene with its events emphasised, nothing scrolls sideways, nothing logs an error', async ({ page }) => {
    test.setTimeout(90_000);
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
      await expectEmphasis(page, step.scene, `#${step.id}`);
      await expectNoSidewaysScroll(page, `#${step.id}`);
    }
    expect(errors).toEqual([]);
  });

  test('quotes appear verbatim, with who said them, their title, the date and who printed or rendered them', async ({ page }) => {
    await page.goto('/');
    const placed = steps.filter((s) => s.quote);
    expect(placed.map((s) => s.quote)).toEqual(['wang-principles', 'daskal-significant', 'daskal-personal']);
    for (const step of placed) {
      const q = quotes.get(step.quote!)!;
      const fig = page.locator(`#${step.id} figure.quote`);
      await expect(fig.locator('blockquote')).toHaveText(`“${q['text']}”`);
      const caption = fig.locator('figcaption');
      await expect(caption.locator('.quote__who')).toHaveText(q['speaker']!);
      await expect(caption).toContainText(`${q['speaker']}, ${q['speaker_title']}, January 30, 2024.`);
      await expect(caption.locator('.quote__credit')).toHaveText(`${q['rendering'] || `Reported by ${q['publisher']}`}.`);
    }
    await expect(page.locator('figure[data-quote="wang-principles"] .quote__credit')).toHaveText('English rendering by AFP.');
  });

  test('a link to a step lands in its state', async ({ page }) => {
    test.setTimeout(60_000);
    const errors = errorsOf(page);
    // A milestone, a quote (its scene shared with the steps around it) and a scene whose phone window is its own.
    for (const id of ['woodside', 'a-personal-story', 'busan']) {
      const step = steps.find((s) => s.id === id)!;
      await page.goto(`/#${id}`);
      await ready(page);
      await expect(page.locator(`#${id}`)).toHaveClass(/\bis-active\b/);
      await expect(section(page)).toHaveAttribute('data-active-step', id);
      await expectSettled(page, step.scene, 6_000, CHART);
      await expectEmphasis(page, step.scene, `/#${id}`);
    }
    expect(errors).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no axe violations, ${scheme}: the section at a milestone (its cards, quotes, table and sources), then an event picked`, async ({
      page,
    }) => {
      // axe over some fifty charts' marks is slow on a busy machine.
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await ready(page);
      await scrollCardToCenter(page, 'woodside');
      await expectSettled(page, 'woodside', 6_000, CHART);
      // Every card is in the page whatever the state: this covers the quotes, as the table and the sources.
      await expectNoAxeViolations(page, `#woodside (${scheme})`, 'section#diplomacy');
      await scrollCardToCenter(page, 'explore-diplomacy');
      await expectSettled(page, 'explore', 6_000, CHART);
      await page.locator('#explore-diplomacy button[data-item="working-group-launch"]').click();
      await expect(page.locator('[data-item-details="working-group-launch"]')).toBeVisible();
      await expectNoAxeViolations(page, `explore, an event picked (${scheme})`, '[data-scrolly]:has(#explore-diplomacy)');
    });
  }

  test('explore: each event can be picked with the keyboard or by a tap, and reads its facts and sources', async ({ page, isMobile }) => {
    const errors = errorsOf(page);
    await page.goto('/');
    await ready(page);
    await scrollCardToCenter(page, 'explore-diplomacy');
    await expectSettled(page, 'explore', 6_000, CHART);
    const card = page.locator('#explore-diplomacy .step__card');
    const picks = card.locator('button.pick');
    await expect(picks).toHaveCount(events.size);

    // Keyboard: from the card, Tab reaches the link to the step, then the first event; Enter picks it.
    await card.focus();
    await page.keyboard.press('Tab');
    await expect(card.locator('a.step-link')).toBeFocused();
    await page.keyboard.press('Tab');
    const first = picks.first();
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    const firstId = (await first.getAttribute('data-item'))!;
    const details = card.locator(`[data-item-details="${firstId}"]`);
    await expect(details).toBeVisible();
    const row = events.get(firstId)!;
    await expect(details).toContainText(row['summary']!);
    await expect(details).toContainText(`Sources: ${row['source_ids']!.split(';').join(', ')}.`);
    // Each source id links to its entry on the sources page.
    const ids = row['source_ids']!.split(';');
    await expect(details.locator('a')).toHaveText(ids);
    for (const [i, id] of ids.entries()) await expect(details.locator('a').nth(i)).toHaveAttribute('href', new RegExp(`/sources/#${id}$`));
    // The facts are announced: they are written into the card's live region.
    await expect(card.locator('[aria-live="polite"]').locator(`[data-item-details="${firstId}"]`)).toHaveCount(1);
    await expect(shownSvg(page).locator(`[data-key="ev:${firstId}"]`)).toHaveClass(/\bis-picked\b/);
    // Tab on to the next event, Space picks it instead.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(picks.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(first).toHaveAttribute('aria-pressed', 'false');

    // Tap (or click) on a dot in the chart: the summit at Woodside.
    const dot = shownSvg(page).locator('[data-key="ev:woodside-summit"]');
    const box = (await dot.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    if (isMobile) await page.touchscreen.tap(at.x, at.y);
    else await page.mouse.click(at.x, at.y);
    await expect(card.locator('button[data-item="woodside-summit"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(card.locator('[data-item-details="woodside-summit"]')).toContainText(events.get('woodside-summit')!['summary']!);
    await expect(dot).toHaveClass(/\bis-picked\b/);
    await expect(shownSvg(page).locator('[data-key="ev:working-group-launch"]')).toHaveClass(/\bis-unpicked\b/);
    await expectNoSidewaysScroll(page, 'explore, an event picked');
    expect(errors).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every step is followed by its own static timeline, its events emphasised', async ({ page }) => {
    await page.goto('/');
    for (const step of steps) {
      const el = page.locator(`#${step.id}`);
      await expect(el).toBeVisible();
      const fig = el.locator('.step__card + [data-step-figure]');
      await expect(fig, `#${step.id} is followed by its chart`).toHaveAttribute('data-step-figure', step.scene);
      const svg = fig.locator('svg[data-size]').filter({ visible: true });
      await expect(svg, `#${step.id}: one size of its chart`).toHaveCount(1);
      for (const id of spec(step.scene).emphasis) await expect(svg.locator(`[data-key="date:${id}"]`)).toBeVisible();
      if (spec(step.scene).events) await expect(svg.locator('[data-key^="deaths-line:"]')).toHaveCount(1);
    }
    await expectNoSidewaysScroll(page, 'without JavaScript');
    // The data table lists every event, its date as precise as its source (a month alone stays a month).
    const rows = section(page).locator('details.data-table tbody tr');
    await expect(rows).toHaveCount(events.size);
    await expect(rows.filter({ hasText: 'China controls 116 new psychoactive substances' }).locator('th')).toHaveText('October 2015');
    await expect(rows.filter({ hasText: 'Biden–Xi summit at Filoli' }).locator('th')).toHaveText('November 15, 2023');
    // The words under the chart say the deaths line shows timing, not cause.
    await expect(section(page).locator('.chart-note')).toContainText('The dates show when things happened, not what caused what.');
  });
});
