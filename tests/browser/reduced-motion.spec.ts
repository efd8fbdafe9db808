/**
 * prefers-reduced-motion: every scene change is a jump. The moment data-scene changes, and again one
 * animation frame later, the chart already carries the final attributes of the new scene (no line
 * drawing in through stroke-dashoffset, no opacity mid-fade). A control run with motion allowed shows
 * the same probe does catch a tween.
 */
import { test, expect, type Page } from '@playwright/test';
import { domSteps, expectSettled, figure, frameDiffsInPage, ready, scrollCardToCenter } from './support';

interface Snapshot {
  scene: string;
  /** Differences from the final frame when data-scene changed (same task, before any paint). */
  atChange: string[];
  /** The same, one animation frame later. */
  nextFrame: string[];
  /** Whether the total line was being drawn in (stroke-dashoffset present) one frame later. */
  totalDashing: boolean;
  /** The one-frame-later look has been taken. */
  done: boolean;
}
type ProbeWindow = Window & { __snaps?: Snapshot[]; __frameDiffs?: (fig: Element, scene: string) => string[] };

async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: `window.__frameDiffs = ${frameDiffsInPage.toString()};` });
  await page.addInitScript(() => {
    const w = window as ProbeWindow;
    const snaps: Snapshot[] = [];
    w.__snaps = snaps;
    new MutationObserver((list) => {
      for (const [i, m] of list.entries()) {
        const fig = m.target as HTMLElement;
        if (m.attributeName !== 'data-scene' || !fig.matches('figure[data-chart="overdoses"]')) continue; // the toll's chart (the map has its own test)
        // The value this change set: the next change's old value if the same task changed it again, else the current one.
        const later = list.slice(i + 1).find((n) => n.target === fig && n.attributeName === 'data-scene');
        const scene = later ? (later.oldValue ?? '') : (fig.dataset['scene'] ?? '');
        const snap: Snapshot = {
          scene,
          atChange: w.__frameDiffs?.(fig, scene) ?? ['no probe'],
          nextFrame: [],
          totalDashing: false,
          done: false,
        };
        snaps.push(snap);
        requestAnimationFrame(() => {
          snap.nextFrame = w.__frameDiffs?.(fig, scene) ?? ['no probe'];
          snap.totalDashing = Array.from(fig.querySelectorAll('svg [data-key="line:total"]')).some((el) =>
            el.hasAttribute('stroke-dashoffset'),
          );
          snap.done = true;
        });
      }
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-scene'] });
  });
}
const snapshots = (page: Page): Promise<Snapshot[]> => page.evaluate(() => (window as ProbeWindow).__snaps ?? []);

/** The first snapshot of `scene`, once its one-frame-later look has been taken. */
async function snapshotOf(page: Page, scene: string): Promise<Snapshot> {
  await expect
    .poll(async () => (await snapshots(page)).find((s) => s.scene === scene)?.done ?? false, { message: `snapshot of "${scene}"` })
    .toBe(true);
  return (await snapshots(page)).find((s) => s.scene === scene)!;
}

/** Reads the story one step after the other (each change is to an adjacent step: the case that may tween). */
async function readStepByStep(page: Page): Promise<string[]> {
  const steps = await domSteps(page);
  for (const step of steps) {
    await scrollCardToCenter(page, step.id);
    await expect(figure(page)).toHaveAttribute('data-scene', step.scene);
    await page.waitForTimeout(50);
  }
  for (const step of steps.slice(0, -1).reverse()) {
    await scrollCardToCenter(page, step.id);
    await expect(figure(page)).toHaveAttribute('data-scene', step.scene);
    await page.waitForTimeout(50);
  }
  return steps.map((s) => s.scene);
}

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('each step’s final chart is there at once, with no tween', async ({ page }) => {
    await installProbe(page);
    await page.goto('/');
    await ready(page);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const scenes = await readStepByStep(page);
    await expect.poll(async () => (await snapshots(page)).every((s) => s.done), { message: 'every snapshot taken' }).toBe(true);
    const snaps = (await snapshots(page)).filter((s) => s.scene !== 'axes');
    // Down through every step, then back up to the first (two steps in a row may share a scene: no change between them).
    const changes = (list: string[]) => list.filter((scene, i) => scene !== list[i - 1]);
    expect(snaps.map((s) => s.scene)).toEqual(changes([...scenes, ...scenes.slice(0, -1).reverse()]));
    for (const [i, s] of snaps.entries()) {
      expect(s.atChange, `change #${i} to "${s.scene}": chart state when data-scene changed`).toEqual([]);
      expect(s.nextFrame, `change #${i} to "${s.scene}": chart state one frame later`).toEqual([]);
      expect(s.totalDashing, `change #${i} to "${s.scene}": line:total has no stroke-dashoffset`).toBe(false);
    }
  });
});

test.describe('with motion allowed (control)', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the same probe sees the total line draw in and the scenes tween', async ({ page }) => {
    await installProbe(page);
    await page.goto('/');
    await ready(page);
    const [first, second] = await domSteps(page);
    await scrollCardToCenter(page, first!.id);
    await expect(figure(page)).toHaveAttribute('data-scene', 'total');
    const total = await snapshotOf(page, 'total');
    expect(total.totalDashing, 'line:total draws in through stroke-dashoffset').toBe(true);
    expect(total.nextFrame.length).toBeGreaterThan(0);
    await expectSettled(page, 'total');

    await scrollCardToCenter(page, second!.id);
    await expect(figure(page)).toHaveAttribute('data-scene', second!.scene);
    await expect
      .poll(async () => (await snapshots(page)).find((s) => s.scene === second!.scene)?.nextFrame.length ?? -1)
      .toBeGreaterThan(0);
    // …and a tween always ends in exactly the final frame.
    await expectSettled(page, second!.scene);
  });
});
