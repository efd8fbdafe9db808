// Font coverage of the built site (`npm run test:fonts`, after `npm run build`): every character a built page
// can show must be in the character map of every font the site's CSS declares, or the browser draws it in a
// fallback font. The fonts are subsets made at build time (src/integrations/subset-fonts.ts), so a character
// that appears only in code, or a new letter in the content, would otherwise go unnoticed.
//
// What counts as shown, on every dist/**/*.html: the text of <body> (including <noscript> and <template>
// content), the attributes that are read out or drawn (alt, title, aria-label, aria-valuetext, placeholder,
// value, label…) and data-* attributes (scripts show some), and every string in <script type="application/json">
// (the chart frames and the words the scripts use). Each character is also checked in upper case, for
// `text-transform: uppercase`. Every page and font is checked against every family (body text is serif,
// headings and charts sans; a character must be in both).
//
// Also checked: each @font-face file exists in the build, and each <link rel="preload" as="font"> points at
// one of them (a preload nobody uses is a wasted download).
//
// Usage: node tests/tools/check-fonts.mjs [dist-dir]   (default: dist)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { openSync } from 'fontkit';
import { Window } from 'happy-dom';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`check-fonts: ${dist}/index.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const errors = [];
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
};
walk(dist);
const rel = (f) => relative(dist, f).split(sep).join('/');

/** A URL from the build (absolute with any base path, or relative to `from`) → the file in dist, if any. */
function fileForUrl(url, from) {
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  if (!path.startsWith('/') && !/^[a-z]+:/i.test(path)) {
    const local = resolve(dirname(from), path);
    return existsSync(local) ? local : undefined;
  }
  const pathname = /^[a-z]+:/i.test(path) ? new URL(path).pathname : path;
  // The site may be built under a base path (/graphics/fentanyl/): match the longest file path that ends the URL.
  return files.filter((f) => pathname.endsWith(`/${rel(f)}`)).sort((a, b) => b.length - a.length)[0];
}

// 1. The fonts: every @font-face in the built CSS.
const faces = [];
for (const css of files.filter((f) => f.endsWith('.css'))) {
  const text = readFileSync(css, 'utf8');
  for (const [, body] of text.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const family = /font-family\s*:\s*(?:"([^"]+)"|'([^']+)'|([^;]+))/.exec(body);
    const name = (family?.[1] ?? family?.[2] ?? family?.[3] ?? '?').trim();
    const weight = /font-weight\s*:\s*([^;]+)/.exec(body)?.[1]?.trim() ?? 'normal';
    for (const [, , url] of body.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const file = fileForUrl(url, css);
      if (!file) {
        errors.push(`${rel(css)}: @font-face for "${name}" points at ${url}, which is not in the build.`);
        continue;
      }
      const font = openSync(file);
      faces.push({ family: name, weight, file, cmap: new Set(font.characterSet), axes: font.variationAxes });
    }
  }
}
if (faces.length === 0) errors.push('No @font-face with a file in the built CSS.');
const families = [...new Set(faces.map((f) => f.family))];
const covers = (family, cp) => faces.some((f) => f.family === family && f.cmap.has(cp));

// Optional: the glyph set the integration subset to (src/fonts/generated/manifest.json), to say why a
// character is missing.
let subsetGlyphs;
try {
  subsetGlyphs = new Set(JSON.parse(readFileSync(new URL('../../src/fonts/generated/manifest.json', import.meta.url), 'utf8')).glyphs);
} catch {
  subsetGlyphs = undefined;
}

// 2. The text of every page.
const NO_GLYPH = /[\p{Cc}\p{Cs}\uFEFF]/u;
const SHOWN_ATTRIBUTES = new Set([
  'alt',
  'title',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'aria-placeholder',
  'placeholder',
  'value',
  'label',
]);
/** code point → first place it was seen */
const seen = new Map();
function note(text, where) {
  for (const ch of new Set(text)) {
    for (const c of new Set([ch, ...ch.toUpperCase()])) {
      if (NO_GLYPH.test(c)) continue;
      const cp = c.codePointAt(0);
      if (!seen.has(cp)) {
        const at = text.indexOf(ch);
        const context = text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ');
        seen.set(cp, `${where}: “…${context}…”${c === ch ? '' : ` (upper case of ${ch})`}`);
      }
    }
  }
}
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const window = new Window({
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
});
const pages = files.filter((f) => f.endsWith('.html'));
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const name = rel(page);

  for (const link of doc.querySelectorAll('link[rel~="preload"][as="font"]')) {
    const href = link.getAttribute('href') ?? '';
    const file = fileForUrl(href, page);
    if (!file) errors.push(`${name}: font preload ${href} is not in the build.`);
    else if (!faces.some((f) => f.file === file)) errors.push(`${name}: font preload ${href} is not used by any @font-face.`);
  }

  for (const script of doc.querySelectorAll('script[type="application/json"]')) {
    const label = script.id ? `#${script.id}` : [...script.attributes].map((a) => a.name).join(' ');
    try {
      for (const s of strings(JSON.parse(script.textContent ?? ''))) note(s, `${name} JSON ${label}`);
    } catch (error) {
      errors.push(`${name}: <script type="application/json" ${label}> is not JSON (${error.message}).`);
    }
  }

  const visit = (node) => {
    if (node.nodeType === 3) {
      note(node.textContent ?? '', `${name} text`);
      return;
    }
    if (node.nodeType === 1) {
      const tag = node.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style') return;
      for (const attr of node.attributes) {
        if (SHOWN_ATTRIBUTES.has(attr.name) || attr.name.startsWith('data-')) note(attr.value, `${name} [${attr.name}]`);
      }
      if (tag === 'template' && node.content) visit(node.content);
    }
    for (const child of node.childNodes) visit(child);
  };
  if (doc.body) visit(doc.body);
}
await window.happyDOM.close();

// 3. Every character shown, in every family.
const hex = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
for (const [cp, where] of [...seen].sort((a, b) => a[0] - b[0])) {
  const missing = families.filter((family) => !covers(family, cp));
  if (missing.length === 0) continue;
  const why =
    subsetGlyphs && !subsetGlyphs.has(String.fromCodePoint(cp))
      ? 'not in the glyph set: add it to TYPOGRAPHIC_CHARACTERS in src/integrations/subset-fonts.ts (code) or check the content'
      : 'in the glyph set, so the source font lacks it: subset a source that has it (e.g. the latin-ext file) in src/integrations/subset-fonts.ts';
  errors.push(
    `${hex(cp)} ${JSON.stringify(String.fromCodePoint(cp))} is missing from ${missing.join(', ')} (${why}). First seen in ${where}`,
  );
}

for (const f of faces) {
  const wght = f.axes?.wght ? `wght ${f.axes.wght.min}–${f.axes.wght.max}` : 'static';
  console.log(`${f.family} (font-weight ${f.weight}): ${rel(f.file)}, ${statSync(f.file).size} bytes, ${f.cmap.size} characters, ${wght}`);
}
console.log(`${pages.length} page(s), ${seen.size} distinct characters shown.`);
if (errors.length > 0) {
  console.error(`\n${errors.length} font problem(s):\n- ${errors.join('\n- ')}`);
  process.exit(1);
}
console.log('Every character shown is in every font.');
