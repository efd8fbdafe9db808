// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { realOverdoseData } from '../../../tests/unit/fixtures';
import { frame } from '../overdoses/frame';
import { OVERDOSE_SCENES } from '../overdoses/scenes';
import { SIZES } from '../types';
import { applyFrame } from './join';
import { renderFrame, withoutGroups } from './marks';

const data = realOverdoseData();
const size = SIZES[1]!;
const SVG_NS = 'http://www.w3.org/2000/svg';

function svgFrom(markup = ''): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.innerHTML = markup;
  return svg;
}

/** Attributes sorted, so a DOM built by the join and markup from the string renderer compare as equal. */
function normalise(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('*')].map((el) => {
    const attrs = el
      .getAttributeNames()
      .filter((n) => n !== 'xmlns')
      .sort()
      .map((n) => `${n}=${el.getAttribute(n)}`);
    const text = el.children.length === 0 ? (el.textContent ?? '') : '';
    return `${el.tagName.toLowerCase()}[${attrs.join(' ')}]${text}`;
  });
}

describe('applyFrame(svg, frame)', () => {
  it('builds, from nothing, exactly what the build-time renderer writes', () => {
    for (const scene of OVERDOSE_SCENES) {
      const f = frame(data, scene, size);
      const joined = svgFrom();
      applyFrame(joined, f, 'c');
      expect(normalise(joined)).toEqual(normalise(svgFrom(renderFrame(f, 'c'))));
    }
  });

  it('adopts a prerendered SVG without changing anything (hydration by idempotence)', async () => {
    const f = frame(data, 'surge', size);
    const svg = svgFrom(renderFrame(f, 'c'));
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    applyFrame(svg, f, 'c');
    applyFrame(svg, f, 'c');
    await Promise.resolve();
    observer.disconnect();
    expect(
      changes.map((c) => `${c.type} ${c.attributeName ?? ''} ${(c.target as Element).getAttribute?.('data-key') ?? c.target.nodeName}`),
    ).toEqual([]);
  });

  it('moves marks between scenes by key: the same element, new attributes', () => {
    const svg = svgFrom();
    applyFrame(svg, frame(data, 'wave-heroin', size), 'c');
    const line = svg.querySelector('[data-key="line:synthetic_opioids"]');
    const before = line?.getAttribute('d');
    applyFrame(svg, frame(data, 'wave-synthetic', size), 'c');
    const after = svg.querySelector('[data-key="line:synthetic_opioids"]');
    expect(after).toBe(line);
    expect(after?.getAttribute('d')).not.toBe(before);
    expect(normalise(svg)).toEqual(normalise(svgFrom(renderFrame(frame(data, 'wave-synthetic', size), 'c'))));
  });

  it('removes marks that leave, unless asked to keep them for an exit animation', () => {
    const svg = svgFrom();
    applyFrame(svg, frame(data, 'surge', size), 'c');
    expect(svg.querySelector('[data-key="callout:synthetic_opioids:peak:text"]')).not.toBeNull();
    applyFrame(svg, frame(data, 'policy', size), 'c', new Set(['callout:synthetic_opioids:peak:text']));
    expect(svg.querySelector('[data-key="callout:synthetic_opioids:peak:text"]')).not.toBeNull();
    applyFrame(svg, frame(data, 'policy', size), 'c');
    expect(svg.querySelector('[data-key="callout:synthetic_opioids:peak:text"]')).toBeNull();
  });

  it('hides the series a reader switches off, and only those', () => {
    const svg = svgFrom();
    applyFrame(svg, withoutGroups(frame(data, 'explore', size), new Set(['heroin'])), 'c');
    expect(svg.querySelectorAll('[data-group="heroin"]')).toHaveLength(0);
    expect(svg.querySelectorAll('[data-group="cocaine"]').length).toBeGreaterThan(0);
  });
});
