// The build-time frames, compared with what a chart shows, in any engine. Everything here runs in the
// page: `framesInPage` is serialised (Function.prototype.toString) and called there by the engine
// drivers, so it must stay self-contained (no imports, no outer variables).
//
// The comparison is the Chromium suite's (`frameDiffsInPage` in tests/browser/support.ts): the same
// keys in the same order, the same tag, the same attributes (class = cls, data-group = group,
// clip-path = url(#<data-id-prefix>-plot) when clip is true, every attr stringified) and the same text.
// Only where the expected marks come from differs: that lookup is `expectedMarks`, and nowhere else.
// (The data-enter attribute a drawn-in line carries is compared as an ordinary attribute.)

/**
 * @typedef {{ key: string, tag: string, attrs: Record<string, string | number>, cls?: string, text?: string, group?: string, clip?: boolean }} Mark
 */

/** Returns the in-page helpers; call it inside the page: `(${framesInPage})()`. */
export function framesInPage() {
  const payloadCache = new WeakMap();

  /** The chart payload of a scrolly section, parsed once per page (undefined when the page carries none). */
  function payloadOf(scrolly) {
    const el = scrolly.querySelector('[data-chart] script[data-chart-payload]') ?? scrolly.querySelector('script[data-chart-payload]');
    if (!el) return undefined;
    if (!payloadCache.has(el)) {
      try {
        payloadCache.set(el, JSON.parse(el.textContent ?? ''));
      } catch {
        payloadCache.set(el, undefined);
      }
    }
    return payloadCache.get(el);
  }

  /** A prerendered SVG's keyed children, read back as marks (clip-path relative to the SVG's own id prefix). */
  function marksOfSvg(svg) {
    const prefix = svg.getAttribute('data-id-prefix') ?? svg.getAttribute('data-size') ?? '';
    return Array.from(svg.children)
      .filter((el) => el.hasAttribute('data-key'))
      .map((el) => {
        const mark = { key: el.getAttribute('data-key') ?? '', tag: el.tagName.toLowerCase(), attrs: {} };
        for (const name of el.getAttributeNames()) {
          const value = el.getAttribute(name) ?? '';
          if (name === 'data-key') continue;
          else if (name === 'class') mark.cls = value;
          else if (name === 'data-group') mark.group = value;
          else if (name === 'clip-path' && value === `url(#${prefix}-plot)`) mark.clip = true;
          else mark.attrs[name] = value;
        }
        if (el.textContent) mark.text = el.textContent;
        return mark;
      });
  }

  /**
   * The steps' own charts carry the compact size only: the build writes every scene at every size into
   * /frames/<chart>.<size>.svg (the chart figure's data-frames names the stem). Fetched synchronously, once
   * per file and page.
   */
  function fromFramesFile(scrolly, scene, size) {
    const framesFiles = (window.__framesFiles ??= {});
    const stem = scrolly.querySelector('[data-frames]')?.getAttribute('data-frames');
    if (!stem) return null;
    const url = `${stem}.${size}.svg`;
    if (!framesFiles[url]) {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, false);
      xhr.send();
      framesFiles[url] = new DOMParser().parseFromString(xhr.status === 200 ? xhr.responseText : '<svg/>', 'image/svg+xml');
    }
    return framesFiles[url].querySelector(`svg[data-scene="${scene}"]`);
  }

  /**
   * THE lookup of "the expected marks of scene `scene` at size `size`" in a scrolly section: the step's own
   * build-time figure (`#<step-id> [data-step-figure] svg[data-size="<size>"]`), taken from `stepId` or,
   * failing that, from the first step of the section in that scene; at the other sizes, the frames file;
   * for the entry scene, which no step shows, the payload's `entryFrames`. Returns { marks, from } or undefined when neither has the frame.
   */
  function expectedMarks(scrolly, scene, size, stepId) {
    const steps = Array.from(scrolly.querySelectorAll('[data-step]'));
    const step = (stepId ? steps.find((s) => s.id === stepId) : undefined) ?? steps.find((s) => s.getAttribute('data-scene') === scene);
    // A step's own chart not drawn yet is still the text of its <noscript> (StepFigure.astro): read that markup.
    const held = step?.querySelector(`[data-step-figure="${scene}"] > noscript`);
    const template = held ? document.createElement('template') : undefined;
    if (template) template.innerHTML = held.textContent ?? '';
    const svg = (template?.content ?? step)?.querySelector(`${template ? '' : `[data-step-figure="${scene}"] `}svg[data-size="${size}"]`);
    if (svg) return { marks: marksOfSvg(svg), from: `#${step.id} static figure` };
    const file = fromFramesFile(scrolly, scene, size);
    if (file) return { marks: marksOfSvg(file), from: 'frames file' };
    const payload = payloadOf(scrolly);
    const entry = payload?.entryScene === scene ? payload.entryFrames?.[size] : undefined;
    if (entry && Array.isArray(entry.marks)) {
      // As the build writes them: a line that draws in carries data-enter.
      const marks = entry.marks.map((m) => (m.enter === 'draw' ? { ...m, attrs: { ...m.attrs, 'data-enter': 'draw' } } : m));
      return { marks, from: 'payload entryFrames' };
    }
    return undefined;
  }

  /** Shown on screen (CSS displays one chart size; the other is display: none). */
  function isShown(el) {
    if (el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  }

  /** The chart SVGs of a figure that CSS displays (one, when the layout is right). */
  function visibleSvgs(figure) {
    return Array.from(figure.querySelectorAll('svg[data-size]')).filter(isShown);
  }

  /** Differences between one live SVG and the expected marks (empty when they match exactly). */
  function diffSvg(svg, marks) {
    const size = svg.getAttribute('data-size') ?? '';
    const prefix = svg.getAttribute('data-id-prefix') ?? size;
    const diffs = [];
    const els = Array.from(svg.children).filter((el) => el.hasAttribute('data-key'));
    const have = els.map((el) => el.getAttribute('data-key') ?? '');
    const want = marks.map((m) => m.key);
    const missing = want.filter((k) => !have.includes(k));
    const extra = have.filter((k) => !want.includes(k));
    if (missing.length > 0) diffs.push(`${size}: missing marks ${missing.slice(0, 6).join(', ')}`);
    if (extra.length > 0) diffs.push(`${size}: extra marks ${extra.slice(0, 6).join(', ')}`);
    if (missing.length === 0 && extra.length === 0 && have.join('|') !== want.join('|')) diffs.push(`${size}: marks out of order`);
    for (const m of marks) {
      const el = els.find((e) => e.getAttribute('data-key') === m.key);
      if (!el) continue;
      const expected = { 'data-key': m.key };
      if (m.cls) expected['class'] = m.cls;
      if (m.group) expected['data-group'] = m.group;
      if (m.clip) expected['clip-path'] = `url(#${prefix}-plot)`;
      for (const [k, v] of Object.entries(m.attrs ?? {})) expected[k] = String(v);
      const names = new Set([...el.getAttributeNames(), ...Object.keys(expected)]);
      const bad = [...names].filter((n) => el.getAttribute(n) !== (expected[n] ?? null));
      if (el.tagName.toLowerCase() !== m.tag) diffs.push(`${size}: ${m.key} is <${el.tagName}>, want <${m.tag}>`);
      if (bad.length > 0)
        diffs.push(
          `${size}: ${m.key} ${bad.map((n) => `${n}=${JSON.stringify(el.getAttribute(n))} (want ${JSON.stringify(expected[n] ?? null)})`).join(' ')}`,
        );
      if ((el.textContent ?? '') !== (m.text ?? ''))
        diffs.push(`${size}: ${m.key} text ${JSON.stringify(el.textContent)} (want ${JSON.stringify(m.text ?? '')})`);
    }
    return diffs;
  }

  /**
   * Differences between the chart SVG on screen in a scrolly section and the build-time frame of
   * `scene` at that SVG's size. Empty when the chart shows exactly that frame.
   */
  function frameDiffs(scrolly, scene, stepId) {
    const figure = scrolly.querySelector('[data-chart]');
    if (!figure) return ['no [data-chart] figure in the section'];
    const shown = visibleSvgs(figure);
    if (shown.length !== 1) return [`${shown.length} chart SVGs on screen, want 1`];
    const svg = shown[0];
    const size = svg.getAttribute('data-size') ?? '';
    const expected = expectedMarks(scrolly, scene, size, stepId);
    if (!expected) return [`${size}: no build-time frame for scene "${scene}" (neither a step's figure nor the payload)`];
    return diffSvg(svg, expected.marks).slice(0, 12);
  }

  return { expectedMarks, frameDiffs, diffSvg, visibleSvgs, isShown, marksOfSvg };
}
