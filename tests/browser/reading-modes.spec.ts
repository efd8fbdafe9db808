/**
 * Every way of reading: keyboard stepping, focus that moves the chart, the plain-article mode,
 * and small or zoomed screens. Each test drives the page as a reader would and checks what the
 * chart shows.
 */
import { expect, test, type Page } from '@playwright/test';
import { domSteps, expectNoAxeViolations, expectSettled, figure, ready, section } from './support';

const controls = (page: Page) => section(page).locator('[data-step-controls]');
const activeId = (page: Page) => section(page).getAttribute('data-active-step');

/** The active step once scrolling has come to rest (two readings 200 ms apart agree). */
async function settledActiveId(page: Page): Promise<string | null> {
  let last = await activeId(page);
  for (;;) {
    await page.waitForTimeout(200);
    const now = await activeId(page);
    if (now === last) return now;
    last = now;
  }
}

async function expectStep(page: Page, id: string, scene: string): Promise<void> {
  await expect.poll(() => activeId(page), { message: `active step should be #${id}` }).toBe(id);
  await expectSettled(page, scene);
  // The step the chart shows is the one the reader can see (once any glide has ended).
  const height = page.viewportSize()?.height ?? 0;
  await expect
    .poll(
      async () => {
        const box = await page.locator(`#${id} .step__card`).boundingBox();
        return box !== null && box.y < height && box.y + box.height > 0;
      },
      { message: `#${id} card on screen` },
    )
    .toBe(true);
}

test.describe('keyboard stepping', () => {
  test('the Next and Previous buttons walk through every step, in order, and back', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const steps = await domSteps(page);
    const next = controls(page).locator('[data-step-next]');
    // Focusing the button may scroll the first step into play; Next goes on from wherever the reader is.
    await next.focus();
    const activeNow = await settledActiveId(page);
    const from = steps.findIndex((s) => s.id === activeNow) + 1;
    for (const step of steps.slice(from)) {
      await page.keyboard.press('Enter');
      await expectStep(page, step.id, step.scene);
      await expect(controls(page).locator('select')).toHaveValue(step.id);
    }
    await expect(next).toBeDisabled();
    // Back to the first step: between the two walks every step has been shown.
    const prev = controls(page).locator('[data-step-prev]');
    await prev.focus();
    for (const step of steps.slice(0, -1).reverse()) {
      await page.keyboard.press('Enter');
      await expectStep(page, step.id, step.scene);
    }
    await expect(prev).toBeDisabled();
  });

  test('arrow keys and j/k step while focus is in the controls, and only there', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const steps = await domSteps(page);
    // Start from the first step, chosen with the step list, then use keys only.
    await controls(page).locator('select').selectOption(steps[0]!.id);
    await expectStep(page, steps[0]!.id, steps[0]!.scene);
    await controls(page).locator('[data-step-next]').focus();
    expect(await settledActiveId(page)).toBe(steps[0]!.id);
    const presses: [string, number][] = [
      ['ArrowRight', 1],
      ['j', 2],
      ['ArrowDown', 3],
      ['k', 2],
      ['ArrowLeft', 1],
      ['ArrowUp', 0],
    ];
    for (const [key, index] of presses) {
      await page.keyboard.press(key);
      await expectStep(page, steps[index]!.id, steps[index]!.scene);
    }
    // Elsewhere (here, the step's own text), arrow keys scroll the page as usual.
    await page.locator(`#${steps[0]!.id} .step__card p`).first().click();
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    expect(await activeId(page)).toBe(steps[0]!.id);
  });

  test('the step list jumps straight to a step without replaying the ones between', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(document.querySelector<HTMLElement>('[data-chart]')?.dataset['scene'] ?? '')).observe(
        document.querySelector('[data-chart]')!,
        { attributes: true, attributeFilter: ['data-scene'] },
      );
    });
    await controls(page).locator('select').selectOption('recent-decline');
    await expectStep(page, 'recent-decline', 'decline');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(['decline']);
  });

  test('keyboard focus on a step card puts the chart in that step’s state', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const steps = await domSteps(page);
    // Tab from the first card to the next: focus, not scrolling, moves the reader.
    await page.locator(`#${steps[0]!.id} .step__card`).focus();
    await expectStep(page, steps[0]!.id, steps[0]!.scene);
    for (const [i, step] of steps.slice(1, 4).entries()) {
      // Tab passes through the card's own controls (its link, a glossary term) on the way to the next card.
      const from = steps[i]!.id;
      for (let n = 0; n < 8; n++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => document.activeElement?.closest('[data-step]')?.id ?? '');
        if (at !== from) break;
      }
      await expect(page.locator(`#${step.id} .step__card`)).toBeFocused();
      await expectStep(page, step.id, step.scene);
    }
    // The live region says which step the chart now shows.
    await expect(figure(page).locator('[data-chart-live]')).toContainText(`Step 4 of ${steps.length}`);
  });
});

test.describe('plain-article mode', () => {
  test('?mode=article unrolls every step with its own chart in that step’s state, nothing pinned', async ({ page }) => {
    await page.goto('/?mode=article');
    const steps = await domSteps(page);
    await expect(page.locator('[data-mode-toggle]')).toHaveAttribute('aria-pressed', 'true');
    await expect(section(page).locator('.step-figure')).toHaveCount(steps.length);
    await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
    await expect(page.locator('[data-scrolly].is-enhanced')).toHaveCount(0);
    for (const step of steps) {
      const stepFigure = page.locator(`#${step.id} .step-figure`);
      await expect(stepFigure).toHaveAttribute('data-step-figure', step.scene);
      await expect(stepFigure.locator('svg').filter({ visible: true })).toHaveCount(1);
    }
    // The explore step's own chart answers the explore controls, which sit in its card.
    const explore = page.locator('[data-step]:has([data-explore-kind="series"])');
    const panel = explore.locator('[data-explore]');
    await expect(panel).toBeVisible();
    const toggle = panel.locator('button[data-group="heroin"]');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(explore.locator('.step-figure svg').filter({ visible: true }).locator('[data-group="heroin"]')).toHaveCount(0, {
      timeout: 2_500,
    });
    await panel.locator('input[type="range"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(panel.locator('output[data-explore-year]')).toHaveText('2023');
    await expect(explore.locator('.step-figure svg').filter({ visible: true }).locator('[data-key="readout:rule"]')).toHaveCount(1);
    await section(page).locator('details.data-table summary').click();
    await expectNoAxeViolations(page, 'article mode');
  });

  test('the toggle switches modes, remembers the choice and puts it in the URL', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const toggle = page.locator('[data-mode-toggle]');
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/[?&]mode=article\b/);
    await expect(page.locator('.step-figure').first()).toBeVisible();
    // The choice persists without the URL parameter.
    await page.goto('/');
    await expect(page.locator('[data-mode-toggle]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
    // And back: scroll effects return, and the URL and storage forget the mode.
    await page.locator('[data-mode-toggle]').click();
    await expect(page).not.toHaveURL(/mode=article/);
    await ready(page);
    await expect(page.locator('.scrolly__graphic').first()).toBeVisible();
    await page.goto('/');
    await expect(page.locator('[data-mode-toggle]')).toHaveAttribute('aria-pressed', 'false');
  });

  test('print uses the unrolled layout', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    const steps = await domSteps(page);
    await expect(section(page).locator('.step-figure')).toHaveCount(steps.length);
    await expect(page.locator('.step-figure').first()).toBeVisible();
    // With no beforeprint (emulated print media fires none, as a headless PDF may not): the script has drawn
    // every step's chart into the page by itself, soon after start-up, not only those it needed.
    await expect(page.locator('[data-step-figure] > noscript')).toHaveCount(0);
    for (const step of steps)
      await expect(page.locator(`#${step.id} .step-figure svg[data-size]`).filter({ visible: true }), `#${step.id}: its chart`).toHaveCount(
        1,
      );
    await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
    for (const stepControls of await page.locator('[data-step-controls]').all()) await expect(stepControls).toBeHidden();
  });
});

test.describe('small and zoomed screens', () => {
  test.skip(({ isMobile }) => isMobile, 'sets its own viewports: runs once, in the desktop project');
  // Too short to hold a pinned chart and a card together (a 320 px phone, 200 % zoom of a laptop screen),
  // the story unrolls: each step's card, then its own chart at full width, legible, nothing pinned over the words.
  for (const [name, viewport] of [
    ['320 px', { width: 320, height: 568 }],
    ['200% zoom of 1280×800', { width: 640, height: 400 }],
  ] as const) {
    test(`${name}: every step followed by its chart, nothing pinned, no horizontal overflow`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.locator('.scrolly__graphic').filter({ visible: true }), 'no pinned chart').toHaveCount(0);
      // The switch to the plain article has nothing to switch here.
      await expect(page.locator('[data-mode-toggle]')).toBeHidden();
      const steps = await domSteps(page);
      for (const step of steps) {
        const fig = page.locator(`#${step.id} .step-figure`);
        await expect(fig).toHaveAttribute('data-step-figure', step.scene);
        const svg = fig.locator('svg').filter({ visible: true });
        await expect(svg).toHaveCount(1);
        const box = (await svg.boundingBox())!;
        expect(box.width, `#${step.id}: its chart takes the column's width`).toBeGreaterThan(viewport.width * 0.8);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);
      // Nothing stays on screen over the words: no element is fixed or sticky.
      const pinned = await page.evaluate(() =>
        Array.from(document.querySelectorAll('body *'))
          .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position) && el.getClientRects().length > 0)
          .map((el) => el.className),
      );
      expect(pinned).toEqual([]);
      await context.close();
    });
  }
});
