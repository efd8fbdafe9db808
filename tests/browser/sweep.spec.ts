/**
 * Sweeps over every built page, at the project's viewport (phone 360 px, desktop 1280 px):
 * - axe-core in the light and the dark colour scheme, at the top and in every step's state (each
 *   scene puts different marks, labels and annotations on screen); an embed's steps on the desktop only
 *   (on a phone it draws the compact frames that the story's sweep checks in every state);
 * - the whole keyboard path: Tab from the top of the page to its end reaches every control (the
 *   reading-mode switch, the step controls, every step card, the explore controls, the data table and
 *   the sources), and every stop shows a visible focus ring that nothing covers.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { allSteps, builtPages, expectNoAxeViolations, expectSettled, ready, scrollCardToCenter } from './support';

const pages = builtPages();

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A story page: its script has started and the sections near the screen have mounted (the others mount as they come near).
  if ((await page.locator('[data-scrolly]').count()) > 0) await ready(page);
}

/** How many steps a built page has (its step cards: the bare `data-step` attribute). */
const stepCount = (file: string): number => (readFileSync(file, 'utf8').match(/\sdata-step[\s>]/g) ?? []).length;

for (const { path, kind, file } of pages) {
  const steps = stepCount(file);
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${path} in the ${scheme} scheme`, () => {
      // Each state is checked once it is reached; how the chart gets there is other tests' business.
      test.use({ colorScheme: scheme, reducedMotion: 'reduce' });

      const where = kind === 'embed' ? 'at the top, and on the desktop in every step’s state' : 'at the top and in every step’s state';
      test(`no axe violations ${where}`, async ({ page }) => {
        // Time in proportion to the page: an axe run and a settle per step.
        test.setTimeout(60_000 + steps * 6_000);
        await page.goto(path);
        await settle(page);
        await expectNoAxeViolations(page, `${path}, ${scheme}, at the top`);
        if (kind === 'embed') {
          // On a phone an embed draws its chart at the compact size, in the frames the story's own sweep checks
          // in every step's state at this size: here, the embed's page at the top is what is new. The desktop
          // draws the embed wider than the story does: there, every step's state.
          if (test.info().project.name === 'phone') return;
          // An embed's states are reached with its step list; axe looks at the whole (small) page in each.
          const list = page.locator('[data-step-list]');
          for (const id of await list.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
            await list.selectOption(id);
            await expect(page.locator('[data-embed]')).toHaveAttribute('data-active-step', id);
            await expectNoAxeViolations(page, `${path}, ${scheme}, step ${id}`);
          }
          return;
        }
        // A step changes only its section's chart and its own card (the top-of-page run saw every card at
        // rest): axe looks at those two in each step's state.
        for (const step of await allSteps(page)) {
          await scrollCardToCenter(page, step.id);
          await expectSettled(page, step.scene, 6_000, step.chart);
          await expectNoAxeViolations(
            page,
            `${path}, ${scheme}, step ${step.id}`,
            `[data-scrolly]:has(#${step.id}) .scrolly__graphic, #${step.id}`,
          );
        }
      });
    });
  }

  test(`${path}: the keyboard path reaches every control, each with a visible, unobscured focus ring`, async ({ page }) => {
    test.setTimeout(60_000 + steps * 4_000);
    await page.goto(path);
    await settle(page);
    const stops: string[] = [];
    const problems: string[] = [];
    await page.locator('body').focus();
    // Enough Tabs for every stop the page can have (a step: its card, its link, what it holds); the loop
    // ends when focus wraps round.
    for (let i = 0; i < 300 + steps * 12; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // Each element is a stop once; meeting a marked one again means the path has wrapped round, except a
        // frame (the Embed panel's preview), which stays the focused element while Tab moves through its page.
        if (el.dataset['kbdStop']) return el instanceof HTMLIFrameElement ? ({ inFrame: true } as const) : ({ repeat: true } as const);
        el.dataset['kbdStop'] = '1';
        const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const name = `${el.tagName.toLowerCase()}${classes}${el.id ? ` #${el.id}` : ''}${el instanceof HTMLIFrameElement ? ' (a frame)' : ''}`;
        // Focus inside a frame (the Embed panel's preview): the ring is drawn by the focused element in the frame's page.
        let inner: Element = el;
        while (inner instanceof HTMLIFrameElement && inner.contentDocument?.activeElement) inner = inner.contentDocument.activeElement;
        const style = getComputedStyle(inner);
        const outline = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
        const ring = outline >= 2 || (style.boxShadow !== 'none' && style.boxShadow !== '');
        const r = el.getBoundingClientRect();
        // Focus not obscured (WCAG 2.4.11): some of the element is on screen and not covered by
        // something else (the pinned chart, a sticky header). Probe its centre and a few inner points.
        const points = [
          [0.5, 0.5],
          [0.1, 0.1],
          [0.9, 0.1],
          [0.1, 0.9],
          [0.9, 0.9],
        ].map(([fx, fy]) => [r.left + r.width * fx!, r.top + r.height * fy!] as const);
        const hits: string[] = [];
        const seen = points.some(([x, y]) => {
          if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
          const hit = document.elementFromPoint(x, y);
          if (hit) hits.push(`${hit.tagName.toLowerCase()}.${String(hit.getAttribute('class') ?? '')}`);
          return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
        });
        const where = `at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${innerWidth}×${innerHeight}, scrollY ${Math.round(scrollY)}, scene ${document.querySelector('[data-chart]')?.getAttribute('data-scene')}${hits.length ? `, covered by ${hits.join(', ')}` : ''}`;
        return {
          repeat: false,
          name,
          ring,
          seen,
          where,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          visible: r.width > 0 && r.height > 0,
        };
      });
      if (stop && 'inFrame' in stop) continue;
      if (!stop || stop.repeat) break;
      stops.push(stop.name);
      // A reader opens what is folded (notes, the data table, the sources) and tabs on through it.
      if (
        stop.name.startsWith('summary') &&
        (await page.evaluate(() => !(document.activeElement?.parentElement as HTMLDetailsElement).open))
      )
        await page.keyboard.press('Enter');
      if (!stop.visible) problems.push(`${stop.name}: focused but has no size (${stop.where})`);
      if (!stop.ring) problems.push(`${stop.name}: no visible focus ring (outline ${stop.outline}, no box-shadow)`);
      if (!stop.seen) problems.push(`${stop.name}: focused but off screen or covered (${stop.where})`);
    }
    console.log(`${path} keyboard path (${test.info().project.name}): ${stops.length} stops`);
    expect(problems, `keyboard path: ${stops.join(' → ')}`).toEqual([]);

    // The path reaches every kind of control a reader needs.
    // An embed: its step controls and the links out; the story: everything a reader may need.
    const expected =
      kind === 'embed'
        ? ['button.step-controls__button', 'select.step-controls__list', 'a']
        : kind === 'page'
          ? ['a.skip-link', 'a.site-head__name', 'a']
          : ['a.skip-link', 'button.mode-toggle', 'button.step-controls__button', 'select.step-controls__list', 'summary'];
    if (path === '/') expected.push('section.step__card', 'input', 'button.toggle', 'section.data-table__scroll', 'a');
    for (const want of expected) {
      expect(
        stops.some((s) => s.startsWith(want)),
        `the keyboard path reaches ${want}: ${stops.join(' → ')}`,
      ).toBe(true);
    }
    if (path === '/') {
      const cards = stops.filter((s) => s.startsWith('section.step__card')).length;
      expect(cards, 'every step card is a stop').toBe((await allSteps(page)).length);
    }
  });
}
