import { clipId, markAttributes, type Frame, type Mark } from './marks';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The element for each keyed mark currently in `svg`. */
export function keyedChildren(svg: SVGSVGElement): Map<string, SVGElement> {
  const out = new Map<string, SVGElement>();
  for (const el of Array.from(svg.children)) {
    const key = el.getAttribute('data-key');
    if (key !== null) out.set(key, el as SVGElement);
  }
  return out;
}

/** Makes `el` carry exactly the attributes and text of `mark`. */
export function setMark(el: Element, mark: Mark, idPrefix: string): void {
  const wanted = markAttributes(mark, idPrefix);
  const names = new Set(wanted.map(([k]) => k));
  for (const name of el.getAttributeNames()) if (!names.has(name)) el.removeAttribute(name);
  for (const [k, v] of wanted) if (el.getAttribute(k) !== v) el.setAttribute(k, v);
  const text = mark.text ?? '';
  if (el.textContent !== text) el.textContent = text;
}

function ensureClip(svg: SVGSVGElement, frame: Frame, idPrefix: string): Element {
  const doc = svg.ownerDocument;
  let defs = svg.querySelector(':scope > defs');
  if (!defs) {
    defs = doc.createElementNS(SVG_NS, 'defs');
    const clip = doc.createElementNS(SVG_NS, 'clipPath');
    clip.setAttribute('id', clipId(idPrefix));
    clip.appendChild(doc.createElementNS(SVG_NS, 'rect'));
    defs.appendChild(clip);
  }
  if (svg.firstElementChild !== defs) svg.insertBefore(defs, svg.firstChild);
  const rect = defs.querySelector('rect');
  const { x, y, width, height } = frame.plot;
  for (const [k, v] of Object.entries({ x, y, width, height })) if (rect?.getAttribute(k) !== String(v)) rect?.setAttribute(k, String(v));
  return defs;
}

/**
 * Joins `frame` into `svg` by key: updates marks in place, creates the missing ones, puts all in
 * frame order and removes the rest (except keys in `keep`, which stay where they are, for exit
 * animations). Idempotent: on a prerendered SVG of the same frame it changes nothing.
 */
export function applyFrame(
  svg: SVGSVGElement,
  frame: Frame,
  idPrefix: string,
  keep: ReadonlySet<string> = new Set(),
): Map<string, SVGElement> {
  const doc = svg.ownerDocument;
  const existing = keyedChildren(svg);
  let prev: Element = ensureClip(svg, frame, idPrefix);
  const placed = new Map<string, SVGElement>();
  for (const mark of frame.marks) {
    let el = existing.get(mark.key);
    if (el && el.tagName.toLowerCase() !== mark.tag) {
      el.remove();
      el = undefined;
    }
    el ??= doc.createElementNS(SVG_NS, mark.tag) as SVGElement;
    existing.delete(mark.key);
    setMark(el, mark, idPrefix);
    if (prev.nextElementSibling !== el) svg.insertBefore(el, prev.nextElementSibling);
    prev = el;
    placed.set(mark.key, el);
  }
  for (const [key, el] of existing) if (!keep.has(key)) el.remove();
  return placed;
}
