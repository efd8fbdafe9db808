import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatCompact, formatCount, formatDate } from '../../src/charts/shared/format';
import {
  CONTENT_DIR,
  FAMILIES,
  LAYOUT_FEATURES,
  TYPOGRAPHIC_CHARACTERS,
  WEIGHT_RANGE,
  collectGlyphs,
  glyphSet,
  sourcePath,
  subsetFamily,
} from '../../src/integrations/subset-fonts';

// The fonts are subset to `collectGlyphs()` at build time (src/integrations/subset-fonts.ts). These tests use
// the same functions; `tests/tools/check-fonts.mjs` checks the built pages against the built fonts.

const ROOT = process.cwd();
const NO_GLYPH = /[\p{Cc}\p{Cs}\uFEFF]/u;
const hex = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(c)}`;
/** The characters of `text` that are not in `set`, as readable code points. */
const missingFrom = (set: ReadonlySet<string>, text: string): string[] =>
  [...new Set(text)].filter((c) => !NO_GLYPH.test(c) && !set.has(c)).map(hex);
/** A font's character map, as characters. */
const cmap = (f: Font): Set<string> => new Set(f.characterSet.map((cp) => String.fromCodePoint(cp)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}
const font = (buffer: Buffer): Font => create(buffer) as Font;
const glyphs = await collectGlyphs(ROOT);
const glyphChars = new Set(glyphs);

describe('the glyph set the fonts are subset to', () => {
  it('covers every character of every file under content/', () => {
    const files = filesUnder(CONTENT_DIR);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(missingFrom(glyphChars, readFileSync(file, 'utf8')), file).toEqual([]);
  });

  it('covers printable ASCII, the typographic marks and the upper case of every content letter', () => {
    const ascii = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));
    expect(missingFrom(glyphChars, ascii + TYPOGRAPHIC_CHARACTERS)).toEqual([]);
    const content = filesUnder(CONTENT_DIR)
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(missingFrom(glyphChars, content.toUpperCase() + content.toLowerCase())).toEqual([]);
  });

  it('covers what Intl makes of the numbers and dates the charts format, in the content locale', () => {
    const { locale } = parse(readFileSync('content/locales/en.yaml', 'utf8')) as { locale: string };
    const out: string[] = [];
    for (const n of [0, 7, -7, 12.5, 999, 1234, -1234, 107_941, 1_000_000, 1_234_567, 2.5e9, -3e12]) {
      out.push(formatCount(n, locale), formatCompact(n, locale));
    }
    for (let m = 1; m <= 12; m++) {
      const iso = `2023-${String(m).padStart(2, '0')}`;
      out.push(formatDate(iso, locale), formatDate(`${iso}-05`, locale, 'day'));
    }
    // What Intl adds beyond that (times, ranges, signs), which TYPOGRAPHIC_CHARACTERS promises to cover.
    const at = new Date(Date.UTC(2024, 0, 30, 15, 5));
    out.push(new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(at));
    out.push(
      new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(at, new Date(Date.UTC(2024, 0, 31))),
    );
    out.push(new Intl.NumberFormat(locale, { signDisplay: 'always', style: 'percent' }).format(-0.25));
    out.push(new Intl.NumberFormat(locale).formatRange(3, 5));
    expect(missingFrom(glyphChars, out.join(' '))).toEqual([]);
  });

  it('is deterministic: sorted, unique, the same for the same texts in any order', async () => {
    const points = [...glyphs].map((c) => c.codePointAt(0)!);
    expect(points).toEqual([...new Set(points)].sort((a, b) => a - b));
    expect(glyphSet(['b“x', 'Añ'])).toBe(glyphSet(['Añ', 'b“x']));
    expect(await collectGlyphs(ROOT)).toBe(glyphs);
  });
});

/**
 * Characters of the glyph set the Fontsource files do not have: U+202F NARROW NO-BREAK SPACE (Intl puts it in
 * times, which the site does not show). If a page ever shows one, the browser draws it from a fallback font and
 * tests/tools/check-fonts.mjs fails. Anything else missing from a source fails here.
 */
const SOURCE_GAPS = ['\u202F'].map(hex);

describe.each(FAMILIES)('the $family subset', (family) => {
  it('comes from a source font that has every character of the glyph set (but the known gaps)', () => {
    const source = font(readFileSync(sourcePath(ROOT, family)));
    expect(missingFrom(cmap(source), glyphs)).toEqual(SOURCE_GAPS);
  });

  it('keeps every character, the weights 400–700 and tabular figures', async () => {
    const subset = font(await subsetFamily(ROOT, family, glyphs));
    expect(missingFrom(cmap(subset), glyphs)).toEqual(SOURCE_GAPS);
    expect(subset.variationAxes['wght']).toMatchObject({ min: WEIGHT_RANGE.min, max: WEIGHT_RANGE.max, default: 400 });
    const advances = subset.layout('0123456789', ['tnum']).positions.map((p) => p.xAdvance);
    expect(new Set(advances).size).toBe(1);
  });
});

describe('the CSS asks only for what the subsets keep', () => {
  const css = filesUnder('src')
    .filter((f) => /\.(css|astro)$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
  const declarations = (property: string) =>
    css.flatMap(({ file, text }) =>
      [...text.matchAll(new RegExp(`(?<![\\w-])${property}\\s*:\\s*([^;}]+)`, 'g'))].map((m) => ({ file, value: m[1]!.trim() })),
    );

  it('weights within the subset range', () => {
    for (const { file, value } of declarations('font-weight')) {
      if (['bolder', 'lighter', 'inherit', 'initial', 'unset', 'revert'].includes(value)) continue; // relative to a checked weight
      const weights = value.split(/\s+/).map((w) => ({ normal: 400, bold: 700 })[w] ?? Number(w));
      for (const w of weights) {
        expect(w, `${file}: font-weight: ${value}`).toBeGreaterThanOrEqual(WEIGHT_RANGE.min);
        expect(w, `${file}: font-weight: ${value}`).toBeLessThanOrEqual(WEIGHT_RANGE.max);
      }
    }
  });

  it('OpenType features the subsets keep (font-variant-*, font-feature-settings)', () => {
    const FEATURES: Record<string, string[]> = {
      normal: [],
      none: [],
      'tabular-nums': ['tnum'],
      'proportional-nums': ['pnum'],
      'lining-nums': ['lnum'],
      'oldstyle-nums': ['onum'],
      'slashed-zero': ['zero'],
      'diagonal-fractions': ['frac'],
      'stacked-fractions': ['afrc'],
      ordinal: ['ordn'],
      'small-caps': ['smcp'],
      'all-small-caps': ['smcp', 'c2sc'],
    };
    const kept = new Set<string>(LAYOUT_FEATURES);
    const asked = [
      ...['font-variant-numeric', 'font-variant-caps', 'font-variant'].flatMap((p) =>
        declarations(p).flatMap(({ file, value }) =>
          value.split(/\s+/).map((v) => ({ file, value: v, tags: FEATURES[v] ?? [`unknown value ${v}`] })),
        ),
      ),
      ...declarations('font-feature-settings').map(({ file, value }) => ({
        file,
        value,
        tags: [...value.matchAll(/["']([\w ]{4})["']\s*(on|off|\d+)?/g)].filter((m) => m[2] !== 'off' && m[2] !== '0').map((m) => m[1]!),
      })),
    ];
    for (const { file, value, tags } of asked) {
      expect(
        tags.filter((t) => !kept.has(t)),
        `${file}: ${value} needs a feature missing from LAYOUT_FEATURES in src/integrations/subset-fonts.ts`,
      ).toEqual([]);
    }
  });

  it('fonts.css declares one face per family: the generated subset, at the subset weights', () => {
    const fontsCss = readFileSync('src/styles/fonts.css', 'utf8');
    const faces = [...fontsCss.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces).toHaveLength(FAMILIES.length);
    for (const family of FAMILIES) {
      const face = faces.find((f) => f.includes(`'${family.family}'`));
      expect(face, family.family).toBeDefined();
      expect(face).toContain(`url('../fonts/generated/${family.id}.woff2')`);
      expect(face).toMatch(new RegExp(`font-weight:\\s*${WEIGHT_RANGE.min} ${WEIGHT_RANGE.max};`));
      expect(face).toContain('font-display: optional;');
    }
  });
});
