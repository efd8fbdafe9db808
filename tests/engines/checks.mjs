// What the cross-engine suite checks on one page, in one engine, at one width: the engine-specific
// parts (scrolling, IntersectionObserver timing, the tween's end state, focus, key presses, clicks,
// the range input) and nothing the Chromium suite already covers in depth. Works through the small
// page interface the engine modules (firefox.mjs, webkit.mjs) implement:
//   goto(url), run(fnSource, args) → JSON value (promises awaited), element(fnSource, args) → { click() },
//   press(key), screenshot(path), name, viewport { width, height }.
// Relies only on the documented DOM hooks: [data-scrolly] (class is-enhanced), the enclosing <section>'s
// data-active-step, [data-step] (id, data-scene) with .step__card, [data-chart] (data-scene) with its
// svg[data-size], [data-step-controls] ([data-step-prev], [data-step-next], select[data-step-list]),
// [data-explore] (input[type=range], output[data-explore-year], button[data-group] with aria-pressed),
// [data-mode-toggle] and [data-step-figure].
import { framesInPage } from './frames.mjs';

const FRAMES = framesInPage.toString();

/** Runs `fn(F, ...args)` in the page, F being the frame helpers of frames.mjs. `fn` must be self-contained. */
const inPage = (page, fn, ...args) => page.run(`(...a) => (${fn.toString()})((${FRAMES})(), ...a)`, args);
const elementInPage = (page, fn, ...args) => page.element(`(...a) => (${fn.toString()})((${FRAMES})(), ...a)`, args);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `ok(value)`; throws `message` with the last value after `timeout` ms. */
async function until(probe, ok, message, timeout = 8_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`${message} (after ${timeout} ms; last seen: ${JSON.stringify(last)})`);
    await sleep(60);
  }
}

// ------------------------------------------------------------------------------------------ in the page
// Each of these is serialised into the page: no outer variables.

const pageInfo = () => ({
  ready: document.readyState,
  title: document.title,
  recorder: Array.isArray(window.__engineErrors),
  reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  hasModeToggle: document.querySelector('[data-mode-toggle]') !== null,
  sections: Array.from(document.querySelectorAll('[data-scrolly]')).map((scrolly) => ({
    name: (scrolly.closest('section') ?? scrolly).id || '(section)',
    steps: Array.from(scrolly.querySelectorAll('[data-step]')).map((el) => ({ id: el.id, scene: el.getAttribute('data-scene') ?? '' })),
    hasChart: scrolly.querySelector('[data-chart]') !== null,
    hasControls: scrolly.querySelector('[data-step-controls]') !== null,
    hasExplore: scrolly.querySelector('[data-explore]') !== null,
  })),
});

// A section mounts as it comes within a quarter of a screen (src/scrolly/main.ts): the states below look at
// the sections on or near the screen (a little inside that margin). (Each function runs in the page on its own, so each spells the test out.)
const mountState = () => ({
  mode: document.documentElement.dataset['mode'] ?? '',
  scrollies: document.querySelectorAll('[data-scrolly]').length,
  enhanced: Array.from(document.querySelectorAll('[data-scrolly]'))
    .filter((s) => {
      const r = (s.closest('section') ?? s).getBoundingClientRect();
      return r.bottom > -window.innerHeight * 0.2 && r.top < window.innerHeight * 1.2;
    })
    .map((s) => s.classList.contains('is-enhanced')),
  fonts: document.fonts ? document.fonts.status : 'loaded',
});

const takeErrors = () => {
  const list = window.__engineErrors;
  if (!Array.isArray(list)) return null;
  return list.splice(0, list.length);
};

/** Where the section is: active step, chart scene, and (when they agree with the step) the frame differences. */
const stepState = (F, i, id, scene) => {
  const scrolly = document.querySelectorAll('[data-scrolly]')[i];
  const hook = scrolly.closest('section') ?? scrolly;
  const figure = scrolly.querySelector('[data-chart]');
  const list = scrolly.querySelector('select[data-step-list]');
  const active = hook.getAttribute('data-active-step');
  const shownScene = figure?.getAttribute('data-scene') ?? null;
  const diffs = active === id && shownScene === scene ? F.frameDiffs(scrolly, scene, id) : null;
  const panel = scrolly.querySelector('[data-explore]');
  return { active, scene: shownScene, diffs, list: list ? list.value : null, explore: panel ? !panel.hidden && F.isShown(panel) : false };
};

const scrollCardToCenter = (F, id) => {
  const step = document.getElementById(id);
  const card = step?.querySelector('.step__card') ?? step;
  if (!card) throw new Error(`no step #${id}`);
  const r = card.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + r.top + r.height / 2 - window.innerHeight / 2, behavior: 'instant' });
};

const scrollToTop = () => window.scrollTo({ top: 0, behavior: 'instant' });

/** Records every value data-active-step takes on section i from now on. */
const recordActive = (F, i) => {
  const scrolly = document.querySelectorAll('[data-scrolly]')[i];
  const hook = scrolly.closest('section') ?? scrolly;
  const log = [];
  window.__engineActiveLog = log;
  new MutationObserver(() => log.push(hook.getAttribute('data-active-step') ?? '')).observe(hook, {
    attributes: true,
    attributeFilter: ['data-active-step'],
  });
};
const activeLog = () => window.__engineActiveLog ?? [];

const focused = () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { what: 'body' };
  const scrollies = Array.from(document.querySelectorAll('[data-scrolly]'));
  const section = scrollies.findIndex((s) => s.contains(el));
  const card = el.matches('.step__card') ? el.closest('[data-step]') : null;
  const inControls = el.closest('[data-step-controls]') !== null;
  const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  return { what: `${el.tagName.toLowerCase()}${cls}${el.id ? `#${el.id}` : ''}`, section, card: card ? card.id : null, inControls };
};

const controlEl = (F, i, selector) => document.querySelectorAll('[data-scrolly]')[i].querySelector(selector);

const focusControl = (F, i, selector) => document.querySelectorAll('[data-scrolly]')[i].querySelector(selector).focus();

/**
 * Chooses a step in the step list as the page sees a choice: the value, then input and change (what
 * puppeteer's select() does; a native select's popup cannot be driven the same way in every engine).
 */
const chooseStep = (F, i, id) => {
  const list = document.querySelectorAll('[data-scrolly]')[i].querySelector('select[data-step-list]');
  if (!Array.from(list.options).some((o) => o.value === id)) throw new Error(`the step list has no option ${id}`);
  list.value = id;
  list.dispatchEvent(new Event('input', { bubbles: true }));
  list.dispatchEvent(new Event('change', { bubbles: true }));
};

/** Two animation frames and a little: lets a step change finish its own bookkeeping before the next action. */
const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))));

const exploreState = (F, i) => {
  const scrolly = document.querySelectorAll('[data-scrolly]')[i];
  const panel = scrolly.querySelector('[data-explore]');
  const slider = panel?.querySelector('input[type="range"]');
  const year = panel?.querySelector('output[data-explore-year]');
  const svg = F.visibleSvgs(scrolly.querySelector('[data-chart]'))[0];
  const toggles = Array.from(panel?.querySelectorAll('button[data-group]') ?? []).map((b) => {
    const group = b.getAttribute('data-group') ?? '';
    return {
      group,
      pressed: b.getAttribute('aria-pressed'),
      marks: svg ? svg.querySelectorAll(`[data-group="${CSS.escape(group)}"]`).length : -1,
    };
  });
  // A chart of things offers items to pick instead: each with its details, its marks marked when picked.
  const picks = Array.from(panel?.querySelectorAll('button[data-item]') ?? []).map((b) => {
    const item = b.getAttribute('data-item') ?? '';
    const details = panel?.querySelector(`[data-item-details="${CSS.escape(item)}"]`);
    return {
      item,
      pressed: b.getAttribute('aria-pressed'),
      details: details ? !details.hidden && F.isShown(details) : false,
      picked: svg ? svg.querySelectorAll(`[data-group="${CSS.escape(item)}"].is-picked`).length : -1,
    };
  });
  return {
    kind: panel?.getAttribute('data-explore-kind') ?? null,
    shown: panel ? !panel.hidden && F.isShown(panel) : false,
    slider: slider ? { value: slider.value, min: slider.min, max: slider.max } : null,
    year: year ? (year.textContent ?? '').trim() : null,
    toggles,
    picks,
  };
};

const readingState = (F) => {
  const toggle = document.querySelector('[data-mode-toggle]');
  const steps = Array.from(document.querySelectorAll('[data-scrolly] [data-step]'));
  return {
    mode: document.documentElement.dataset['mode'] ?? '',
    pressed: toggle?.getAttribute('aria-pressed') ?? null,
    enhanced: Array.from(document.querySelectorAll('[data-scrolly]'))
      .filter((s) => {
        const r = (s.closest('section') ?? s).getBoundingClientRect();
        return r.bottom > -window.innerHeight * 0.2 && r.top < window.innerHeight * 1.2;
      })
      .every((s) => s.classList.contains('is-enhanced')),
    chartsShown: Array.from(document.querySelectorAll('[data-scrolly] [data-chart]')).every((f) => F.isShown(f)),
    stepFiguresMissing: steps
      .filter((s) => {
        const fig = s.querySelector('[data-step-figure]');
        return !fig || !F.isShown(fig) || !Array.from(fig.querySelectorAll('svg')).some((svg) => F.isShown(svg));
      })
      .map((s) => s.id),
  };
};

// ------------------------------------------------------------------------------------------ in Node

/**
 * Checks one built page. `ctx` = { page, url (server root, ends in /), path ('' | 'embed/x/' …), shots, shotsDir, log? }.
 * Returns { steps, checks: string[], failures: string[] }; never throws (a failed stage is recorded and the page reloaded).
 */
export async function checkPage(ctx) {
  const { page } = ctx;
  const where = `/${ctx.path}`;
  const result = { steps: 0, checks: [], failures: [] };
  const fail = (stage, error) => {
    const text =
      error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`.split('\n')[0] : String(error);
    result.failures.push(`${page.name} ${page.viewport.width}px ${where} ${stage}: ${text}`);
  };
  const pageUrl = `${ctx.url}${ctx.path}`;

  /** Collects what the recorder saw since the last call (the test fails on any). */
  async function errors(stage) {
    const list = await page.run(takeErrors.toString(), []);
    if (list === null) fail(stage, new Error('the error recorder is not in the page (was /__engine-recorder.js injected and loaded?)'));
    else for (const e of list) fail(stage, new Error(`${e.kind}: ${e.detail} (at ${e.at})`));
    return list?.length ?? 1;
  }

  /** Navigates afresh (via about:blank, so a #fragment is a new load) and waits for the scrolly to mount. */
  async function load(fragment = '') {
    await page.goto('about:blank');
    await page.goto(`${pageUrl}${fragment}`);
    let state = await until(
      () => page.run(mountState.toString(), []),
      // A story page's script sets the reading mode as it starts; a page without scrolly sections has none.
      (s) => s.fonts === 'loaded' && (s.scrollies === 0 || s.mode !== '') && (s.mode === 'article' || s.enhanced.every(Boolean)),
      `${where}${fragment}: the scrolly did not mount`,
      15_000,
    );
    // A reading-mode choice left behind by an earlier failure is remembered (localStorage): undo it with the switch.
    if (state.mode === 'article') {
      await elementInPage(page, () => document.querySelector('[data-mode-toggle]')).then((el) => el.click());
      state = await until(
        () => page.run(mountState.toString(), []),
        (s) => s.mode !== 'article' && s.enhanced.every(Boolean),
        `${where}: could not leave article mode`,
      );
    }
    return state;
  }

  async function expectStep(i, step, how) {
    const state = await until(
      () => inPage(page, stepState, i, step.id, step.scene),
      (s) => s.active === step.id && s.scene === step.scene && Array.isArray(s.diffs) && s.diffs.length === 0,
      `${how}: #${step.id} should be active with the chart settled in scene "${step.scene}"`,
    );
    // A step chosen by focus or the controls holds off scroll notifications for a frame or two (the
    // controller's steering): act again only after that, as a reader would.
    await page.run(nextFrames.toString(), []);
    return state;
  }

  /** Runs a stage; on failure records it and reloads the page so the next stage starts clean. */
  async function stage(name, body) {
    const t0 = Date.now();
    try {
      await body();
      result.checks.push(name);
      const recorded = await errors(name);
      ctx.log?.(`${name}: ${recorded === 0 ? 'ok' : `${recorded} error(s) recorded`} in ${Date.now() - t0} ms`);
    } catch (error) {
      fail(name, error);
      try {
        await errors(`${name} (errors)`);
        await load();
      } catch (again) {
        fail(`${name} (reload)`, again);
      }
    }
  }

  let info;
  await stage('load', async () => {
    await load();
    info = await page.run(pageInfo.toString(), []);
    if (!info.recorder) throw new Error('the error recorder did not run');
    if (!info.title) throw new Error('the page has no title');
    // The chart's tweens (and their end state) are what differs by engine: a browser set up with reduced motion would only jump.
    if (info.reducedMotion) throw new Error('the browser reports prefers-reduced-motion: reduce, so no transition would be tested');
  });
  if (!info) return result;
  const sections = info.sections.map((s, i) => ({ ...s, index: i }));
  const stepped = sections.filter((s) => s.steps.length > 0 && s.hasChart);

  // Keyboard: from the top, real Tab presses reach each section's step controls and first card; a focused card is the active step.
  if (stepped.some((s) => s.hasControls))
    await stage('keyboard', async () => {
      const want = new Map(stepped.map((s) => [s.index, { controls: !s.hasControls, card: false }]));
      const path = [];
      for (let n = 0; n < 150 && [...want.values()].some((w) => !w.controls || !w.card); n++) {
        await page.press('Tab');
        const f = await page.run(focused.toString(), []);
        path.push(f.what);
        const w = want.get(f.section);
        if (!w) continue;
        if (f.inControls) w.controls = true;
        if (f.card && !w.card) {
          w.card = true;
          const s = sections[f.section];
          const step = s.steps.find((x) => x.id === f.card);
          if (f.card !== s.steps[0].id)
            throw new Error(`the first card reached in ${s.name} is #${f.card}, not the first step #${s.steps[0].id}`);
          await expectStep(f.section, step, 'keyboard focus on the first card');
          // And one Tab on: the next stop, if it is the next card, becomes the active step.
          await page.press('Tab');
          const g = await page.run(focused.toString(), []);
          path.push(g.what);
          const next = s.steps[1];
          if (next && g.card === next.id) await expectStep(f.section, next, 'keyboard focus on the second card');
        }
      }
      ctx.log?.(`Tab path: ${path.join(' → ')}`);
      for (const [i, w] of want) {
        if (!w.controls) throw new Error(`Tab never reached the step controls of ${sections[i].name}: ${path.join(' → ')}`);
        if (!w.card) throw new Error(`Tab never reached a step card of ${sections[i].name}: ${path.join(' → ')}`);
      }
    });

  const exploreSteps = new Map();
  const walked = new Set();
  for (const s of stepped) {
    // Scrolling: each step's card to the middle of the viewport, in order; each becomes active and the chart settles on its frame.
    await stage(`scroll (${s.name})`, async () => {
      await page.run(scrollToTop.toString(), []);
      await inPage(page, recordActive, s.index);
      for (const step of s.steps) {
        await inPage(page, scrollCardToCenter, step.id);
        const state = await expectStep(s.index, step, `scrolled to #${step.id}`);
        if (state.explore && !exploreSteps.has(s.index)) exploreSteps.set(s.index, step);
        result.steps++;
      }
      const seen = (await page.run(activeLog.toString(), [])).filter((id, k, all) => id !== '' && id !== all[k - 1]);
      const order = s.steps.map((x) => x.id);
      const backwards = seen.findIndex((id, k) => k > 0 && order.indexOf(id) < order.indexOf(seen[k - 1]));
      if (backwards >= 0) throw new Error(`steps became active out of order: ${seen.join(' → ')}`);
      walked.add(s.index);
    });

    // Scrolling straight after Next: the glide it starts is interrupted by the reader's own scroll, and the step
    // now in view must win. Engines differ here: without a scrollend event (WebKit) the controller only learns
    // that the glide is over from its 2.5 s fallback timer.
    if (s.hasControls && s.steps.length > 2)
      await stage(`scroll during a glide (${s.name})`, async () => {
        const [first, second] = s.steps;
        const away = s.steps[Math.min(s.steps.length - 1, 3)];
        // From the end of the scroll walk, the first step is far away: the list jumps there (no glide).
        await inPage(page, chooseStep, s.index, first.id);
        await expectStep(s.index, first, `step list → #${first.id}`);
        await inPage(page, focusControl, s.index, '[data-step-next]');
        await page.press('Enter');
        await expectStep(s.index, second, 'Next from the first step');
        await inPage(page, scrollCardToCenter, away.id);
        await expectStep(s.index, away, `scrolled to #${away.id} while the Next glide was running`);
        // And it stays there once the glide's bookkeeping is over.
        await sleep(2_600);
        await expectStep(s.index, away, `still #${away.id} 2.6 s after the interrupted glide`);
      });

    for (const id of ctx.shots ?? []) {
      const step = s.steps.find((x) => x.id === id);
      if (!step) continue;
      await stage(`screenshot #${id}`, async () => {
        // As the step takes over (chosen in the step list: its top at the trigger line, the chart in full view),
        // then with its card in the middle of the viewport (the card's own controls in view).
        const views = [
          ['card', () => inPage(page, scrollCardToCenter, step.id)],
          ...(s.hasControls ? [['chart', () => inPage(page, chooseStep, s.index, step.id)]] : []),
        ];
        for (const [view, go] of views) {
          await go();
          await expectStep(s.index, step, `#${step.id} for a screenshot`);
          // A neighbouring step chosen in the list glides there, and the controller ignores scrolling until the
          // glide ends (scrollend, or 2.5 s where there is none, as in WebKit): wait that out before moving on.
          await sleep(view === 'chart' ? 2_600 : 300);
          const file = `${ctx.shotsDir}/engines-${page.name}-${page.viewport.width}-${id}-${view}.png`;
          await page.screenshot(file);
          console.log(`  screenshot ${file}`);
        }
      });
    }

    if (s.hasControls && s.steps.length > 1)
      await stage(`step controls (${s.name})`, async () => {
        const [first, second] = s.steps;
        await inPage(page, chooseStep, s.index, first.id);
        const state = await expectStep(s.index, first, `step list → #${first.id}`);
        if (state.list !== first.id) throw new Error(`the step list shows ${state.list}, want ${first.id}`);
        // Next and Previous with real key presses on the focused button: a step card may lie over the
        // pinned controls at phone widths (by design, cards pass over the chart), which a click would hit.
        await inPage(page, focusControl, s.index, '[data-step-next]');
        await page.press('Enter');
        const afterNext = await expectStep(s.index, second, 'Next from the first step');
        if (afterNext.list !== second.id) throw new Error(`the step list shows ${afterNext.list} after Next, want ${second.id}`);
        await inPage(page, focusControl, s.index, '[data-step-prev]');
        await page.press('Enter');
        await expectStep(s.index, first, 'Previous from the second step');
      });

    const exploreStep = exploreSteps.get(s.index);
    if (s.hasExplore && !exploreStep)
      fail(
        `explore (${s.name})`,
        new Error(walked.has(s.index) ? 'no step showed the explore controls' : 'not checked: the scroll walk did not finish'),
      );
    if (exploreStep)
      await stage(`explore (${s.name})`, async () => {
        if (s.hasControls) await inPage(page, chooseStep, s.index, exploreStep.id);
        else await inPage(page, scrollCardToCenter, exploreStep.id);
        await expectStep(s.index, exploreStep, `step list → #${exploreStep.id}`);
        const start = await inPage(page, exploreState, s.index);
        ctx.log?.(`explore at #${exploreStep.id}: ${JSON.stringify(start)}`);
        if (start.kind === 'items') {
          // Items to pick: the first and the last, each with a real click: pressed, details shown, marks picked.
          if (!start.shown || start.picks.length === 0) throw new Error(`explore items not shown: ${JSON.stringify(start)}`);
          for (const p of new Set([start.picks[0], start.picks.at(-1)])) {
            const button = await elementInPage(page, controlEl, s.index, `[data-explore] button[data-item="${p.item}"]`);
            await button.click();
            await until(
              () => inPage(page, exploreState, s.index).then((e) => e.picks.find((x) => x.item === p.item)),
              (x) => x.pressed === 'true' && x.details && x.picked > 0,
              `picking ${p.item} should press its button, show its details and mark its marks on the chart`,
              5_000,
            );
          }
          return;
        }
        if (!start.shown || !start.slider || start.year === null)
          throw new Error(`explore controls not shown or incomplete: ${JSON.stringify(start)}`);
        // The slider: a click on it (pointer), then the keyboard (focus stays on it after the click).
        const slider = await elementInPage(page, controlEl, s.index, '[data-explore] input[type="range"]');
        await slider.click();
        const clicked = await until(
          () => inPage(page, exploreState, s.index),
          (e) => e.slider.value !== start.slider.value && e.year !== start.year,
          `a click on the year slider should move it off ${start.slider.value} (${start.year})`,
          3_000,
        );
        ctx.log?.(`slider clicked: ${clicked.slider.value} (${clicked.year})`);
        await page.press('Home');
        const home = await until(
          () => inPage(page, exploreState, s.index),
          (e) => e.slider.value === e.slider.min && e.year !== clicked.year,
          'Home on the year slider should go to the first year and change the year shown',
          3_000,
        );
        await page.press('ArrowRight');
        await until(
          () => inPage(page, exploreState, s.index),
          (e) => Number(e.slider.value) === Number(home.slider.min) + 1 && e.year !== home.year,
          '→ on the year slider should move one year',
          3_000,
        );
        await page.press('End');
        await until(
          () => inPage(page, exploreState, s.index),
          (e) => e.slider.value === e.slider.max && e.year === start.year,
          `End on the year slider should return to the last year (${start.year})`,
          3_000,
        );
        // The series toggles: one hides its group's marks from the chart on screen, and brings them back (the first
        // and the last toggle; the Chromium suite goes through every one).
        if (start.toggles.length === 0) throw new Error('the explore controls have no toggles');
        for (const t of new Set([start.toggles[0], start.toggles.at(-1)])) {
          if (t.pressed !== 'true' || t.marks <= 0)
            throw new Error(`toggle ${t.group} should start pressed with marks on the chart: ${JSON.stringify(t)}`);
          const button = await elementInPage(page, controlEl, s.index, `[data-explore] button[data-group="${t.group}"]`);
          await button.click();
          await until(
            () => inPage(page, exploreState, s.index).then((e) => e.toggles.find((x) => x.group === t.group)),
            (x) => x.pressed === 'false' && x.marks === 0,
            `pressing toggle ${t.group} should set aria-pressed=false and remove its marks`,
            5_000,
          );
          await button.click();
          await until(
            () => inPage(page, exploreState, s.index).then((e) => e.toggles.find((x) => x.group === t.group)),
            (x) => x.pressed === 'true' && x.marks > 0,
            `pressing toggle ${t.group} again should set aria-pressed=true and bring its marks back`,
            5_000,
          );
        }
      });
  }

  // The reading-mode switch: article mode unrolls every step with its own chart; pressing again brings scroll mode back.
  if (info.hasModeToggle)
    await stage('reading mode', async () => {
      const toggle = await elementInPage(page, () => document.querySelector('[data-mode-toggle]'));
      await toggle.click();
      await until(
        () => inPage(page, readingState),
        (r) => r.mode === 'article' && r.pressed === 'true' && r.stepFiguresMissing.length === 0,
        'article mode: every step should show its own chart',
      );
      await (await elementInPage(page, () => document.querySelector('[data-mode-toggle]'))).click();
      await until(
        () => inPage(page, readingState),
        (r) => r.mode === 'scroll' && r.pressed === 'false' && r.enhanced && r.chartsShown,
        'pressing the switch again should return to scroll mode',
      );
    });

  // Deep links: /#<middle step> lands on that step, with its scene on the chart.
  for (const s of stepped) {
    const step = s.steps[Math.floor((s.steps.length - 1) / 2)];
    await stage(`deep link #${step.id}`, async () => {
      await load(`#${step.id}`);
      await expectStep(s.index, step, `deep link /#${step.id}`);
    });
  }
  return result;
}
