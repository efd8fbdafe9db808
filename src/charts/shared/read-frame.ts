import type { AttrValue, Frame, Mark, MarkTag } from './marks';

/** Attributes that say what a mark is rather than how it is drawn (see markAttributes). */
const META = new Set(['data-key', 'class', 'data-group', 'clip-path', 'data-enter']);
const TAGS = new Set<string>(['path', 'line', 'circle', 'rect', 'text', 'use']);

/**
 * Reads a frame back from an SVG drawn from it (renderFrame at build, or applyFrame): the inverse of
 * markAttributes. The build writes each scene once, as SVG in the page; the browser gets its frames
 * from there instead of from a second copy in JSON. Numbers stay strings: the join compares strings.
 */
export function readFrame(svg: SVGSVGElement): Frame {
  const [, , width = 0, height = 0] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const clip = svg.querySelector(':scope > defs clipPath rect');
  const at = (name: string) => Number(clip?.getAttribute(name) ?? 0);
  const marks: Mark[] = [];
  for (const el of Array.from(svg.children)) {
    const key = el.getAttribute('data-key');
    const tag = el.localName;
    if (key === null || !TAGS.has(tag)) continue;
    const attrs: Record<string, AttrValue> = {};
    for (const name of el.getAttributeNames()) if (!META.has(name)) attrs[name] = el.getAttribute(name) ?? '';
    const cls = el.getAttribute('class');
    const group = el.getAttribute('data-group');
    marks.push({
      key,
      tag: tag as MarkTag,
      attrs,
      ...(cls ? { cls } : {}),
      ...(tag === 'text' ? { text: el.textContent ?? '' } : {}),
      ...(group ? { group } : {}),
      ...(el.hasAttribute('clip-path') ? { clip: true } : {}),
      ...(el.getAttribute('data-enter') === 'draw' ? { enter: 'draw' as const } : {}),
    });
  }
  return { width, height, plot: { x: at('x'), y: at('y'), width: at('width'), height: at('height') }, marks };
}
