/**
 * The site's CSS applied to a chart's build-time SVG, for a renderer that reads presentation only (resvg):
 * the same stylesheets the page uses (tokens, charts), flattened for one figure width (layers unwrapped,
 * `@container figure` queries decided for that width, screen and motion media queries dropped, the light
 * theme), matched with a real selector engine and cascaded by specificity and order, custom properties
 * inherited and substituted, and written into each element's `style`. Nothing about the chart's look is
 * restated here: a change of colour or font in the stylesheets reaches the share images.
 */
import { selectAll } from 'css-select';
import { parse as parseSelector, type Selector } from 'css-what';
import render from 'dom-serializer';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import postcss, { type AtRule, type ChildNode, type Container } from 'postcss';

export interface FlatRule {
  readonly selector: string;
  readonly specificity: readonly [number, number, number];
  readonly order: number;
  readonly decls: readonly { readonly prop: string; readonly value: string; readonly important: boolean }[];
}

/** The properties a static SVG renderer uses; everything else (layout, transitions, cursors) is dropped. */
const SVG_PROPERTIES = new Set([
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'opacity',
  'color',
  'display',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'vector-effect',
  'overflow',
]);

/** Decides `(width < 440px)`, `(440px <= width < 640px)`, `(width >= 640px)` and `and` of those for a width. */
export function containerMatches(params: string, width: number): boolean {
  const conditions = [...params.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ''));
  if (conditions.length === 0) return false;
  return conditions.every((c) => {
    const range = /^(?:(\d+(?:\.\d+)?)px(<=|<))?width(?:(<=|<|>=|>)(\d+(?:\.\d+)?)px)?$/.exec(c);
    if (!range) return false;
    const [, lo, loOp, hiOp, hi] = range;
    if (lo !== undefined && !(loOp === '<=' ? Number(lo) <= width : Number(lo) < width)) return false;
    if (hi !== undefined) {
      const n = Number(hi);
      const ok = { '<': width < n, '<=': width <= n, '>=': width >= n, '>': width > n }[hiOp as '<' | '<=' | '>=' | '>'];
      if (!ok) return false;
    }
    return lo !== undefined || hi !== undefined;
  });
}

/** Specificity of one complex selector: (ids, classes + attributes + pseudo-classes, types). */
export function specificity(selector: Selector[]): [number, number, number] {
  const s: [number, number, number] = [0, 0, 0];
  for (const part of selector) {
    if (part.type === 'attribute') s[part.name === 'id' && part.action === 'equals' ? 0 : 1]++;
    else if (part.type === 'tag') s[2]++;
    else if (part.type === 'pseudo-element') s[2]++;
    else if (part.type === 'pseudo') {
      if (Array.isArray(part.data)) {
        // :not(), :is(), :has(): the most specific argument (:where() counts nothing).
        if (part.name === 'where') continue;
        const inner = part.data.map(specificity).sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])[0];
        if (inner) inner.forEach((n, i) => (s[i as 0 | 1 | 2] += n));
      } else s[1]++;
    }
  }
  return s;
}

/**
 * The rules that apply to a figure `width` CSS px wide, in source order: `@layer` blocks unwrapped (the
 * stylesheets are passed in their layer order), `@container` kept when it matches, every `@media` dropped
 * (they select screens, motion and the dark theme; a share image is the light, still chart), `@supports`,
 * `@keyframes`, `@font-face` dropped.
 */
export function flattenCss(sheets: readonly string[], width: number): FlatRule[] {
  const rules: FlatRule[] = [];
  const walk = (container: Container<ChildNode>): void => {
    container.each((node) => {
      if (node.type === 'atrule') {
        const at = node as AtRule;
        if (at.name === 'layer' && at.nodes) walk(at);
        else if (at.name === 'container' && at.nodes && containerMatches(at.params, width)) walk(at);
        return;
      }
      if (node.type !== 'rule') return;
      const decls = node.nodes.flatMap((d) =>
        d.type === 'decl' && (d.prop.startsWith('--') || SVG_PROPERTIES.has(d.prop))
          ? [{ prop: d.prop, value: d.value, important: d.important === true }]
          : [],
      );
      if (decls.length === 0) return;
      for (const selector of node.selectors) {
        let parsed: Selector[][];
        try {
          parsed = parseSelector(selector);
        } catch {
          continue;
        }
        for (const one of parsed) rules.push({ selector, specificity: specificity(one), order: rules.length, decls });
      }
    });
  };
  for (const css of sheets) walk(postcss.parse(css));
  return rules;
}

/** `var(--x, fallback)` substituted from `vars`, nested and chained; what cannot be resolved becomes ''. */
export function resolveVars(value: string, vars: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 16 || !value.includes('var(')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('var(', i);
    if (start < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    // The matching parenthesis.
    let level = 0;
    let end = start + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') level++;
      else if (value[end] === ')' && --level === 0) break;
    }
    const inner = value.slice(start + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? undefined : inner.slice(comma + 1).trim();
    const found = vars.get(name);
    out += resolveVars(found ?? fallback ?? '', vars, depth + 1);
    i = end + 1;
  }
  return out;
}

const remToPx = (value: string): string => value.replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Number(n) * 16}px`);

/** Wins of the cascade: important over normal, then specificity, then order. */
const beats = (a: FlatRule, aImportant: boolean, b: FlatRule, bImportant: boolean): boolean => {
  if (aImportant !== bImportant) return aImportant;
  for (let i = 0; i < 3; i++) if (a.specificity[i] !== b.specificity[i]) return (a.specificity[i] ?? 0) > (b.specificity[i] ?? 0);
  return a.order > b.order;
};

const parseStyle = (style: string | undefined): Map<string, string> =>
  new Map(
    (style ?? '')
      .split(';')
      .map((d) => d.split(':'))
      .filter((p): p is [string, ...string[]] => p.length >= 2)
      .map(([k, ...v]) => [k.trim(), v.join(':').trim()]),
  );

/**
 * `svg` with the rules cascaded into each element's `style` attribute (custom properties resolved along
 * the tree, rem turned to px, `font-family` left to `mapFont`). The root element matches `:root`.
 */
export function inlineStyles(svg: string, rules: readonly FlatRule[], mapFont: (family: string) => string): string {
  const doc = parseDocument(svg, { xmlMode: true });
  const declared = new Map<Element, Map<string, { rule: FlatRule; value: string; important: boolean }>>();
  for (const rule of rules) {
    let matched: Element[];
    try {
      matched = selectAll<AnyNode, Element>(rule.selector, doc, { xmlMode: true });
    } catch {
      continue; // a pseudo-class the engine does not know (:focus-visible, :hover): never true in a picture
    }
    for (const el of matched) {
      let props = declared.get(el);
      if (!props) declared.set(el, (props = new Map()));
      for (const d of rule.decls) {
        const current = props.get(d.prop);
        if (!current || beats(rule, d.important, current.rule, current.important))
          props.set(d.prop, { rule, value: d.value, important: d.important });
      }
    }
  }
  const visit = (node: AnyNode, inherited: ReadonlyMap<string, string>): void => {
    if (!isTag(node)) return;
    const own = declared.get(node);
    const inline = parseStyle(node.attribs['style']);
    const values = new Map<string, string>([...(own ?? new Map()).entries()].map(([k, v]) => [k, v.value]));
    for (const [k, v] of inline) values.set(k, v);
    // Custom properties first (they inherit, and may refer to each other), then the rest against them.
    const vars = new Map(inherited);
    for (const [k, v] of values) if (k.startsWith('--')) vars.set(k, v);
    for (const [k, v] of vars) if (v.includes('var(')) vars.set(k, resolveVars(v, vars));
    const style: string[] = [];
    for (const [k, v] of values) {
      if (k.startsWith('--') || !SVG_PROPERTIES.has(k)) continue;
      let value = remToPx(resolveVars(v, vars)).trim();
      if (!value) continue;
      if (k === 'font-family') value = mapFont(value);
      style.push(`${k}:${value}`);
    }
    if (style.length) node.attribs['style'] = style.join(';');
    else delete node.attribs['style'];
    for (const child of node.children) visit(child, vars);
  };
  for (const child of doc.children) visit(child, new Map());
  return render(doc, { xmlMode: true, selfClosingTags: true });
}
