/**
 * The fonts of the share images: the site's own (Fontsource's Latin files of Inter and Source Serif 4),
 * instanced at the weights the cards and charts use and written as TrueType, which the renderer reads.
 * Made once per build into node_modules/.cache (keyed by the inputs), never fetched.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { TYPOGRAPHIC_CHARACTERS } from '../integrations/subset-fonts';

export const SANS = 'Inter';
export const SERIF = 'Source Serif 4';

const FILES = [
  { source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2', weights: [400, 600, 700] },
  { source: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', weights: [700] },
] as const;

/** Printable ASCII, Latin-1 and the typographic characters the site uses. */
const CHARACTERS = (() => {
  let s = '';
  for (let c = 0x20; c <= 0x7e; c++) s += String.fromCharCode(c);
  for (let c = 0xa0; c <= 0xff; c++) s += String.fromCharCode(c);
  return s + TYPOGRAPHIC_CHARACTERS;
})();

let made: Promise<string[]> | undefined;

/** Paths of the TrueType files, made on first call. */
export function shareFonts(root = process.cwd()): Promise<string[]> {
  made ??= make(root);
  return made;
}

async function make(root: string): Promise<string[]> {
  const require = createRequire(join(resolve(root), 'package.json'));
  const dir = join(resolve(root), 'node_modules/.cache/ox-share-fonts');
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const file of FILES) {
    const source = await readFile(require.resolve(file.source));
    const key = createHash('sha256').update(source).update(CHARACTERS).digest('hex').slice(0, 12);
    for (const wght of file.weights) {
      const path = join(dir, `${file.source.split('/').pop()?.replace('.woff2', '')}-${wght}-${key}.ttf`);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) await writeFile(path, await subsetFont(source, CHARACTERS, { targetFormat: 'truetype', variationAxes: { wght } }));
      out.push(path);
    }
  }
  return out;
}

/** The site's font stacks (`'Inter Variable', system-ui, …`) as the family the renderer has. */
export const shareFontFamily = (stack: string): string => (/Source Serif|Georgia/i.test(stack) ? SERIF : SANS);
