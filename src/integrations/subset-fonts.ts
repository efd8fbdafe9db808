/**
 * Build-time font subsetting. The Fontsource variable fonts (latin files) are cut down to the characters
 * the site can show and to the weights its CSS uses, with harfbuzz (`subset-font`), and written as woff2
 * into `src/fonts/generated/` (gitignored) before Vite runs. `src/styles/fonts.css` and the preloads in
 * `StoryLayout.astro` import those files, so Vite content-hashes them like any other asset.
 *
 * It runs from `astro:config:setup`, i.e. in `astro dev`, `astro build`, `astro check`/`sync` and Vitest
 * (Astro's `getViteConfig` runs the same hook): one code path for all of them. The inputs (glyph set, source
 * files, options, library versions) are hashed; when the hash matches `manifest.json` nothing is rewritten.
 * In dev, a change under `content/` re-runs it (a no-op unless the glyph set changed).
 *
 * The glyph set is every character of the text sources (all text files under `content/`), their upper- and
 * lower-case forms (`text-transform`), printable ASCII and a fixed set of typographic characters the code
 * produces (Intl 'en-US' numbers and dates, step controls, joins). `tests/unit/font-subset.test.ts` checks it;
 * `tests/tools/check-fonts.mjs` checks every built page against the fonts' character maps.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

/** Where the text comes from and where the fonts go, relative to the project root. */
export const CONTENT_DIR = 'content';
export const GENERATED_DIR = 'src/fonts/generated';
const TEXT_EXTENSIONS = new Set(['.md', '.mdx', '.markdown', '.csv', '.tsv', '.yaml', '.yml', '.json', '.txt']);

/**
 * Characters the code can put on the page beyond the content files: quotes, dashes, the ellipsis
 * (`text-overflow`), the middle dot and times sign of chart labels, the step controls' ‹ ›, bullet, degree,
 * the spaces and minus sign of Intl output ('en-US' numbers, compact numbers, dates and times). Printable
 * ASCII is added separately. Keep this list in sync with what `src/charts/shared/format.ts` can emit (a unit
 * test checks Intl's output against it).
 */
export const TYPOGRAPHIC_CHARACTERS = [
  '\u2018', // ‘
  '\u2019', // ’
  '\u201C', // “
  '\u201D', // ”
  '\u2013', // – en dash
  '\u2014', // — em dash
  '\u2026', // … ellipsis
  '\u00B7', // · middle dot
  '\u00D7', // × times
  '\u2039', // ‹
  '\u203A', // ›
  '\u2022', // • bullet
  '\u00B0', // ° degree
  '\u00A0', // no-break space
  '\u202F', // narrow no-break space (Intl times; the Fontsource files lack it, so it would fall back: nothing shows it today)
  '\u2009', // thin space (Intl ranges)
  '\u2212', // − minus sign
].join('');

/** Weights the CSS asks for: 400 (text), 600 and 650 (labels), 700 (headings, strong, th, kicker). */
export const WEIGHT_RANGE = { min: 400, max: 700 } as const;

/**
 * OpenType features kept: what browsers apply by default to Latin text (harfbuzz's defaults for the script
 * and direction), plus what the CSS asks for (`font-variant-numeric: tabular-nums` → tnum). Everything else
 * (pnum, frac, case, stylistic sets…) is dropped with the glyphs only it reaches. A unit test fails when the
 * CSS uses a feature that is not listed here.
 */
export const LAYOUT_FEATURES = [
  'rvrn',
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'rlig',
  'liga',
  'clig',
  'calt',
  'rclt',
  'curs',
  'kern',
  'dist',
  'ltra',
  'ltrm',
  'tnum',
] as const;
/** Applied by the shaper around U+2044 FRACTION SLASH; kept only if the glyph set has one. */
const FRACTION_FEATURES = ['frac', 'numr', 'dnom'] as const;

export interface FontFamily {
  /** File name of the subset, without extension. */
  id: string;
  family: string;
  /** The original font, as a package specifier (Fontsource latin file: it covers every Latin-1 letter). */
  source: string;
}

export const FAMILIES: readonly FontFamily[] = [
  {
    id: 'source-serif-4-subset',
    family: 'Source Serif 4 Variable',
    source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2',
  },
  { id: 'inter-subset', family: 'Inter Variable', source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2' },
];

/** Bump when the way fonts are made changes in a way the hashed options do not show. */
const GENERATOR_VERSION = 1;

const toPath = (root: URL | string): string => (typeof root === 'string' ? resolve(root) : fileURLToPath(root));

/** Characters that never need a glyph: control characters, surrogates, the byte-order mark. */
const NO_GLYPH = /[\p{Cc}\p{Cs}\uFEFF]/u;

/**
 * The sorted, de-duplicated set of characters a font must cover for the given texts: each character, its
 * upper- and lower-case forms, printable ASCII (U+0020–U+007E) and `TYPOGRAPHIC_CHARACTERS`.
 */
export function glyphSet(texts: Iterable<string>): string {
  const points = new Set<number>();
  const add = (s: string): void => {
    for (const ch of s) if (!NO_GLYPH.test(ch)) points.add(ch.codePointAt(0)!);
  };
  for (let c = 0x20; c <= 0x7e; c++) points.add(c);
  add(TYPOGRAPHIC_CHARACTERS);
  for (const text of texts) {
    for (const ch of new Set(text)) {
      add(ch);
      add(ch.toUpperCase());
      add(ch.toLowerCase());
    }
  }
  return String.fromCodePoint(...[...points].sort((a, b) => a - b));
}

/** Every text file under `content/`, in a fixed order (path, then contents). */
export async function readContentTexts(root: URL | string): Promise<{ path: string; text: string }[]> {
  const base = join(toPath(root), CONTENT_DIR);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  await walk(base);
  files.sort();
  return Promise.all(files.map(async (f) => ({ path: relative(base, f).split(sep).join('/'), text: await readFile(f, 'utf8') })));
}

/** The glyph set of the site: what the integration subsets to. */
export async function collectGlyphs(root: URL | string): Promise<string> {
  return glyphSet((await readContentTexts(root)).map((f) => f.text));
}

/** Subset options for a glyph set (exported so tests subset exactly as the build does). */
export function subsetOptions(glyphs: string) {
  return {
    targetFormat: 'woff2' as const,
    keepFeatures: glyphs.includes('\u2044') ? [...LAYOUT_FEATURES, ...FRACTION_FEATURES] : [...LAYOUT_FEATURES],
    variationAxes: { wght: { min: WEIGHT_RANGE.min, max: WEIGHT_RANGE.max } },
  };
}

/** The original font file of a family, resolved from the project's node_modules. */
export function sourcePath(root: URL | string, family: FontFamily): string {
  return createRequire(join(toPath(root), 'package.json')).resolve(family.source);
}

/** One family's subset, in memory. */
export async function subsetFamily(root: URL | string, family: FontFamily, glyphs: string): Promise<Buffer> {
  return subsetFont(await readFile(sourcePath(root, family)), glyphs, subsetOptions(glyphs));
}

interface Manifest {
  hash: string;
  glyphs: string;
  fonts: Record<string, { family: string; source: string; sourceBytes: number; bytes: number }>;
}

/** A dependency's version (its package.json may not be exported, so look for it beside its entry point). */
async function versionOf(root: URL | string, pkg: string): Promise<string> {
  try {
    let dir = dirname(createRequire(join(toPath(root), 'package.json')).resolve(pkg));
    for (;;) {
      const meta = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}')) as { name?: string; version?: string };
      if (meta.name === pkg && meta.version) return meta.version;
      const up = dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
  }
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Writes the subset fonts into `GENERATED_DIR` unless the inputs' hash matches the last run's.
 * Returns what it did, for logging.
 */
export async function generateSubsets(root: URL | string): Promise<{ skipped: boolean; manifest: Manifest }> {
  const outDir = join(toPath(root), GENERATED_DIR);
  const glyphs = await collectGlyphs(root);
  const sources = await Promise.all(FAMILIES.map((f) => readFile(sourcePath(root, f))));
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      GENERATOR_VERSION,
      glyphs,
      families: FAMILIES,
      options: subsetOptions(glyphs),
      subsetFont: await versionOf(root, 'subset-font'),
      harfbuzz: await versionOf(root, 'harfbuzzjs'),
    }),
  );
  for (const s of sources) hash.update(s);
  const digest = hash.digest('hex');

  const manifestPath = join(outDir, 'manifest.json');
  try {
    const previous = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    if (previous.hash === digest) {
      await Promise.all(FAMILIES.map((f) => readFile(join(outDir, `${f.id}.woff2`)))); // all still there?
      return { skipped: true, manifest: previous };
    }
  } catch {
    // No manifest or a missing font: generate.
  }

  await mkdir(outDir, { recursive: true });
  const manifest: Manifest = { hash: digest, glyphs, fonts: {} };
  // One after another: subset-font runs one harfbuzz instance.
  for (const [i, family] of FAMILIES.entries()) {
    const source = sources[i]!;
    const out = await subsetFont(source, glyphs, subsetOptions(glyphs));
    await writeAtomic(join(outDir, `${family.id}.woff2`), out);
    manifest.fonts[family.id] = { family: family.family, source: family.source, sourceBytes: source.byteLength, bytes: out.byteLength };
  }
  await writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { skipped: false, manifest };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

async function run(root: URL | string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { skipped, manifest } = await generateSubsets(root);
  if (skipped) {
    logger.debug(`fonts unchanged (${[...manifest.glyphs].length} characters)`);
    return;
  }
  const sizes = Object.entries(manifest.fonts).map(([id, f]) => `${id} ${kb(f.sourceBytes)} → ${kb(f.bytes)}`);
  logger.info(`${[...manifest.glyphs].length} characters, ${sizes.join(', ')} (${Math.round(performance.now() - started)} ms)`);
}

export default function subsetFonts(): AstroIntegration {
  let root: URL | undefined;
  return {
    name: 'subset-fonts',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = config.root;
        if (command === 'preview') return; // serves dist/ as built
        await run(root, logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!root) return;
        const projectRoot = root;
        const contentDir = join(toPath(projectRoot), CONTENT_DIR) + sep;
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            run(projectRoot, logger).catch((error: unknown) => logger.error(String(error)));
          }, 200);
        });
      },
    },
  };
}
