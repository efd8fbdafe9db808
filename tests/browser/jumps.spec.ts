/**
 * Jumps over several steps (a fling, a reload mid-story, a jump back to the top) go straight to the
 * target scene: the reader never sees the scenes in between flash past.
 */
import { test, expect, type Page } from '@playwright/test';
import { activeStep, domSteps, expectSettled, figure, ready, scrollCardToCenter } from './support';

interface Recorder {
  scenes: string[];
  steps: string[];
}
type RecWindow = Window & { __rec?: Recorder };

/** Records every value the toll's figure's data-scene and its section's active-step hook take from now on (page or init script); the other sections' charts have their own tests. */
function installRecorder(): void {
  const rec: Recorder = { scenes: [], steps: [] };
  (window as RecWindow).__rec = rec;
  new MutationObserver((list) => {
    for (const m of list) {
      const el = m.target as HTMLElement;
      if (m.attributeName === 'data-scene' && el.matches('figure[data-chart="overdoses"]')) rec.scenes.push(el.dataset['scene'] ?? '');
      if (m.attributeName === 'data-active-step' && el.closest('#toll')) rec.steps.push(el.dataset['activeStep'] ?? '');
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene', 'data-active-step'] });
}
const record = (page: Page): Promise<void> => page.evaluate(installRecorder);
const recorded = (page: Page): Promise<Recorder> => page.evaluate(() => (window as RecWindow).__rec ?? { scenes: [], steps: [] });

test('a fling from the top to #recent-decline goes straight to the decline scene', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  // At the top: no step active (the chart shows its entry scene once it comes near; on a phone it is not near yet).
  expect(await activeStep(page)).toBe('');
  const steps = await domSteps(page);
  const target = steps.find((s) => s.id === 'recent-decline');
  expect(target?.scene).toBe('decline');
  await record(page);

  await scrollCardToCenter(page, 'recent-decline');
  await expect(figure(page)).toHaveAttribute('data-scene', 'decline');
  await expectSettled(page, 'decline');
  await page.waitForTimeout(300); // anything late would show up here
  const rec = await recorded(page);
  expect(rec.scenes, 'scenes the chart took during the fling').toEqual(['decline']);
  expect(rec.steps, 'active steps during the fling').toEqual(['recent-decline']);
  await expect(page.locator('#recent-decline')).toHaveClass(/\bis-active\b/);
});

test('a jump from mid-story back to the top shows the empty axes again before the first step', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await scrollCardToCenter(page, 'recent-decline');
  await expectSettled(page, 'decline');
  await record(page);

  // A jump to the top (a "back to top" link, a tap on the phone's status bar, a fling).
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  // The reader scrolls down again until the chart comes into view, still above the first step.
  await page.mouse.move(5, 5);
  for (let i = 0; i < 40; i++) {
    const top = await figure(page).evaluate((f) => f.getBoundingClientRect().top);
    if (top < (await page.evaluate(() => window.innerHeight)) * 0.8) break;
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(80);
  }
  await expect(figure(page)).toBeInViewport();
  const steps = await domSteps(page);
  await expect(page.locator(`#${steps[0]!.id}`), 'first step not reached yet').not.toHaveClass(/\bis-active\b/, { timeout: 1_000 });
  await expect(figure(page), 'scene above the first step').toHaveAttribute('data-scene', 'axes');
  await expectSettled(page, 'axes');
  expect(await activeStep(page)).toBe('');
  const rec = await recorded(page);
  expect(rec.scenes).toEqual(['axes']);
});

const EARLIER = ['total', 'wave-prescription', 'wave-heroin', 'wave-synthetic', 'surge'];

test('reloading mid-story restores the policy scene without replaying earlier scenes', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await scrollCardToCenter(page, 'policy-moments');
  await expectSettled(page, 'policy');
  const before = await page.evaluate(() => window.scrollY);

  // From the first script on: every value data-scene is set to while the page loads and mounts.
  await page.addInitScript(installRecorder);
  await page.reload();
  await ready(page);
  const kept = await expect
    .poll(() => page.evaluate(() => window.scrollY), { timeout: 3_000 })
    .toBeGreaterThan(before / 2)
    .then(
      () => true,
      () => false,
    );
  // A browser that does not keep the scroll position on reload: a deep link to the step is the same situation.
  if (!kept) await page.goto('/#policy-moments');

  await expect(figure(page)).toHaveAttribute('data-scene', 'policy');
  await expectSettled(page, 'policy');
  expect(await activeStep(page)).toBe('policy-moments');
  await expect(page.locator('#policy-moments .step__card')).toBeInViewport();
  const rec = await recorded(page);
  expect(
    rec.scenes.filter((s) => EARLIER.includes(s)),
    `scenes set during the reload: ${rec.scenes.join(' → ')}`,
  ).toEqual([]);
  expect(rec.scenes.at(-1)).toBe('policy');
});

test('a deep link to a step (/#recent-decline) lands on that step with its scene', async ({ page }) => {
  await page.addInitScript(installRecorder);
  await page.goto('/#recent-decline');
  await ready(page);
  await expect(figure(page)).toHaveAttribute('data-scene', 'decline');
  await expectSettled(page, 'decline');
  expect(await activeStep(page)).toBe('recent-decline');
  await expect(page.locator('#recent-decline .step__card')).toBeInViewport();
  const rec = await recorded(page);
  expect(
    rec.scenes.filter((s) => [...EARLIER, 'policy'].includes(s)),
    `scenes set while landing: ${rec.scenes.join(' → ')}`,
  ).toEqual([]);
});
