/**
 * The pages for classrooms: "The reports, checked" (/checked/) and the teacher's page (/classroom/).
 * - /checked/ shows every claim of content/data/claims.csv, in its words, with its verdict, and each claim
 *   links to a step of the story; following the first claim's link of each section lands on the step, on
 *   screen and active (jumps.spec.ts tests deep links to every section at both sizes);
 * - both pages: no axe violations in light and dark with the answers and source lists open (the sweep runs
 *   axe with them closed), nothing wider than the screen, no script, no cookie, no request to another
 *   origin, and the "no trackers" line;
 * - /classroom/: every quiz answer waits in a closed <details>; the citations name the build's date and the
 *   site's version in each style; printed, the handout is one page of A4 and of Letter, black on white, with
 *   the questions and without the answers.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { DIST, expectNoAxeViolations, parseCsv, ROOT } from './support';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** content/data/claims.csv, as an editor wrote it. */
const claims = parseCsv(read('content/data/claims.csv'));

interface QuizItem {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
}
/** The quiz of content/classroom/guide.md (its frontmatter). */
const quiz: QuizItem[] = (() => {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(read('content/classroom/guide.md'))?.[1] ?? '';
  return (parseYaml(frontmatter) as { quiz: QuizItem[] }).quiz;
})();

const version = (JSON.parse(read('package.json')) as { version: string }).version;

/** Text as the page shows it: whitespace collapsed, typographic quotes as in the files. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const PAGES = ['/classroom/', '/checked/'] as const;

/** Every element id of the story page, and whether it is a step (`data-step`). */
async function storyIds(page: Page): Promise<Map<string, { step: boolean }>> {
  await page.goto('/');
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((el) => [el.id, el.hasAttribute('data-step')] as const));
  return new Map(ids.map(([id, step]) => [id, { step }]));
}

test.describe('/checked/', () => {
  test.skip(({ isMobile }) => isMobile, 'what the page says does not change with the screen: once, in the desktop project');
  test(`shows every claim of claims.csv (${claims.length}), in order, each with its verdict and sources`, async ({ page }) => {
    expect(claims.length, 'claims.csv has claims').toBeGreaterThan(0);
    await page.goto('/checked/');
    const shown = page.locator('[data-claims] > [data-claim]');
    await expect(shown).toHaveCount(claims.length);
    for (const [i, c] of claims.entries()) {
      const item = shown.nth(i);
      await expect(item, `claim ${i + 1}`).toHaveAttribute('data-claim', c['id'] ?? '');
      await expect(item.locator('.claim__text')).toHaveText(squash(c['claim'] ?? ''));
      await expect(item.locator('.verdict__text')).toHaveText(c['verdict'] ?? '');
      const ids = (c['source_ids'] ?? '').split(';');
      await expect(item.locator('.source-entries__id')).toHaveText(ids);
      await expect(item.locator('[data-story-link]')).toHaveCount(1);
    }
  });

  test('every claim links to a step that exists on the story page', async ({ page }) => {
    const story = await storyIds(page);
    await page.goto('/checked/');
    const links = await page.locator('[data-claim]').evaluateAll((items) =>
      items.map((el) => ({
        claim: el.getAttribute('data-claim') ?? '',
        href: el.querySelector('a[data-story-link]')?.getAttribute('href') ?? '',
      })),
    );
    expect(links.map((l) => l.claim)).toEqual(claims.map((c) => c['id']));
    for (const { claim, href } of links) {
      const row = claims.find((c) => c['id'] === claim);
      expect(href, `claim ${claim}`).toBe(`/#${row?.['step'] ?? ''}`);
      const step = row?.['step'] ?? '';
      expect(story.get(step), `claim ${claim}: the story has a step with id="${step}"`).toEqual({ step: true });
    }
  });

  test('a claim’s link lands on its step, on screen and active: the first claim of each section', async ({ page }) => {
    // Which section each claim's step is in, read from the story page.
    await page.goto('/');
    const sectionOf = await page.evaluate(
      (steps) => Object.fromEntries(steps.map((s) => [s, document.getElementById(s)?.closest('section[id]')?.id ?? ''])),
      claims.map((c) => c['step'] ?? ''),
    );
    const bySection = new Map<string, (typeof claims)[number]>();
    for (const c of claims) {
      const section = sectionOf[c['step'] ?? ''] ?? '';
      if (!bySection.has(section)) bySection.set(section, c);
    }
    expect(bySection.size, 'the claims reach every chart section').toBeGreaterThanOrEqual(3);
    for (const c of bySection.values()) {
      const id = c['id'] ?? '';
      const step = c['step'] ?? '';
      await page.goto('/checked/');
      await page.locator(`#claim-${id} a[data-story-link]`).click();
      await expect(page, `claim ${id}`).toHaveURL(new RegExp(`/#${step}$`));
      const target = page.locator(`#${step}`);
      await expect(target, `claim ${id}`).toHaveAttribute('data-step', '');
      await expect(target, `claim ${id}`).toHaveClass(/\bis-active\b/);
      await expect(target, `claim ${id}`).toBeInViewport();
    }
  });
});

test.describe('/classroom/', () => {
  test.skip(({ isMobile }) => isMobile, 'what the page says does not change with the screen: once, in the desktop project');
  test('every quiz answer is inside a closed <details>, shown only when a teacher opens it', async ({ page }) => {
    expect(quiz.length, 'guide.md has a quiz').toBeGreaterThan(0);
    await page.goto('/classroom/');
    const items = page.locator('[data-quiz] > li');
    await expect(items).toHaveCount(quiz.length);
    for (const [i, q] of quiz.entries()) {
      const item = items.nth(i);
      await expect(item.locator('.quiz__question')).toHaveText(squash(q.question));
      const details = item.locator('details[data-answer]');
      await expect(details).toHaveCount(1);
      await expect(details).not.toHaveAttribute('open');
      // The answer is in the details, and only there.
      const answer = details.getByText(squash(q.answer), { exact: true });
      await expect(answer).toHaveCount(1);
      await expect(answer).toBeHidden();
      expect(await item.evaluate((el, text) => el.querySelector('details')?.textContent?.includes(text) ?? false, squash(q.answer))).toBe(
        true,
      );
      expect(
        await item.evaluate(
          (el, text) => [...el.children].some((c) => c.tagName !== 'DETAILS' && (c.textContent ?? '').includes(text)),
          squash(q.answer),
        ),
        `quiz ${q.id}: the answer appears outside its <details>`,
      ).toBe(false);
    }
    // A teacher opens one: the answer shows.
    const first = items.first().locator('details[data-answer]');
    await first.locator('summary').click();
    await expect(first).toHaveAttribute('open', '');
    await expect(first.getByText(squash(quiz[0]?.answer ?? ''), { exact: true })).toBeVisible();
  });

  test('the citations name the build’s date and the site’s version, in APA, MLA, Chicago and BibTeX', async ({ page }) => {
    await page.goto('/classroom/');
    const stamp = page.locator('[data-build-date]');
    await expect(stamp).toHaveAttribute('data-version', version);
    const iso = (await stamp.getAttribute('data-build-date')) ?? '';
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The date the build ran: SOURCE_DATE_EPOCH when the build was given one, else the day the page was written
    // (or the day before, for a build that ran over midnight, UTC).
    const epoch = process.env['SOURCE_DATE_EPOCH'];
    const written = statSync(join(DIST, 'classroom/index.html')).mtime;
    const days = epoch ? [new Date(Number(epoch) * 1000)] : [written, new Date(written.getTime() - 86_400_000)];
    expect(days.map((d) => d.toISOString().slice(0, 10))).toContain(iso);

    const date = new Date(`${iso}T00:00:00Z`);
    const y = date.getUTCFullYear();
    const d = date.getUTCDate();
    const month = date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const mla = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][date.getUTCMonth()];
    const text = async (style: string) =>
      squash((await page.locator(`[data-citation="${style}"] .citation__text, [data-citation="${style}"] pre`).textContent()) ?? '');

    const apa = await text('apa');
    expect(apa).toContain(`(${y}, ${month} ${d})`);
    expect(apa).toContain(`(Version ${version}`);
    const mlaText = await text('mla');
    expect(mlaText).toContain(`${d} ${mla} ${y}`);
    expect(mlaText).toContain(`version ${version}`);
    const chicago = await text('chicago');
    expect(chicago).toContain(`${month} ${d}, ${y}`);
    expect(chicago).toContain(`Version ${version}`);
    const bibtex = (await page.locator('[data-citation="bibtex"] pre').textContent()) ?? '';
    expect(bibtex).toMatch(new RegExp(`urldate\\s*=\\s*\\{${iso}\\}`));
    expect(bibtex).toMatch(new RegExp(`version\\s*=\\s*\\{${version.replace(/\./g, '\\.')}[,}]`));
    expect(bibtex).toMatch(/^@misc\{[a-z0-9]+,/);
    // Each citation points at the story itself.
    const storyUrl = (await page.locator('link[rel="canonical"]').getAttribute('href'))?.replace(/classroom\/$/, '') ?? '';
    for (const t of [apa, mlaText, chicago, bibtex]) expect(t).toContain(storyUrl);
  });

  test('every link into the story lands on a step or section that exists there', async ({ page }) => {
    const story = await storyIds(page);
    await page.goto('/classroom/');
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const fragments = [...new Set(hrefs.filter((h) => h.startsWith('/#')).map((h) => h.slice(2)))];
    // The glossary, the discussion, the quiz and the citation parts all point into the story.
    expect(fragments.length).toBeGreaterThan(10);
    for (const f of fragments) expect(story.has(f), `#${f} on the story page`).toBe(true);
  });
});

/** Prints the teacher's page as the browser would at `format` and counts the PDF's pages. */
async function printedPages(page: Page, format: 'A4' | 'Letter'): Promise<number> {
  const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
}

test.describe('the printed handout', () => {
  test.skip(({ browserName }) => browserName !== 'chromium', 'page.pdf() is Chromium’s');
  test.skip(({ isMobile }) => isMobile, 'a printout does not depend on the screen: once, in the desktop project');

  for (const scheme of ['light', 'dark'] as const) {
    test(`prints on one page of A4 and of Letter, black on white, questions without answers (${scheme} screen)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/classroom/');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await printedPages(page, 'A4'), 'A4 pages').toBe(1);
      expect(await printedPages(page, 'Letter'), 'Letter pages').toBe(1);

      await page.emulateMedia({ media: 'print', colorScheme: scheme });
      // What a student needs is there: the handout's title, the story's address, the summary, the key words, each question, one citation.
      await expect(page.locator('h1 .print-only')).toBeVisible();
      await expect(page.locator('h1 .screen-only')).toBeHidden();
      await expect(page.locator('.handout-intro')).toBeVisible();
      for (const id of ['summary', 'glossary', 'quiz', 'cite']) await expect(page.locator(`#${id}`)).toBeVisible();
      await expect(page.locator('.quiz__question')).toHaveCount(quiz.length);
      for (const q of await page.locator('.quiz__question').all()) await expect(q).toBeVisible();
      // What a teacher needs stays on screen: the answers, the other citation styles, the navigation.
      for (const answer of await page.locator('details[data-answer]').all()) await expect(answer).toBeHidden();
      await expect(page.locator('[data-citation]').filter({ visible: true })).toHaveCount(1);
      await expect(page.locator('#objectives')).toBeHidden();
      await expect(page.locator('#discussion')).toBeHidden();
      await expect(page.locator('.site-head')).toBeHidden();
      // Black on white, whatever the screen's scheme.
      const colours = await page.evaluate(() => {
        const seen = new Set<string>();
        for (const el of document.querySelectorAll<HTMLElement>('main h1, main h2, main p, main li, main dt, main dd')) {
          if (el.getClientRects().length > 0) seen.add(getComputedStyle(el).color);
        }
        return [...seen];
      });
      expect(colours).toEqual(['rgb(0, 0, 0)']);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(255, 255, 255)');
    });
  }
});

test.describe('both pages', () => {
  // The sweep (sweep.spec.ts) runs axe on every page at both sizes with its <details> closed; this adds them open.
  test.skip(({ isMobile }) => !isMobile, 'on the phone, where most readers are');
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} colour scheme`, () => {
      test.use({ colorScheme: scheme });
      for (const path of PAGES) {
        test(`${path}: no axe violations with every <details> open`, async ({ page }) => {
          await page.goto(path);
          expect(await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
          for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
          await expectNoAxeViolations(page, `${path}, ${scheme}, every <details> open`);
        });
      }
    });
  }

  for (const path of PAGES) {
    test(`${path}: fits the screen, with no script, no cookie, no request to another origin, and says so`, async ({
      page,
      context,
      baseURL,
    }) => {
      const origins = new Set<string>();
      page.on('request', (r) => origins.add(new URL(r.url()).origin));
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
      expect(await context.cookies()).toEqual([]);
      expect(await page.locator('script').count(), 'the page needs no JavaScript').toBe(0);
      await expect(page.locator('[data-privacy]')).toBeVisible();
      await expect(page.locator('[data-privacy]')).toContainText(/no trackers/i);
      const width = page.viewportSize()?.width ?? 0;
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing wider than the screen').toBeLessThanOrEqual(width);
      // Body text stays readable on a phone (the kicker, a small uppercase label, is not body text).
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll<HTMLElement>('main p, main li, main dd')]
            .filter((el) => !el.matches('.kicker') && el.getClientRects().length > 0 && (el.textContent ?? '').trim() !== '')
            .map((el) => parseFloat(getComputedStyle(el).fontSize)),
        ),
      );
      expect(smallest, 'smallest body text, px').toBeGreaterThanOrEqual(14);
    });
  }
});
