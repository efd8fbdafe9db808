/**
 * Built pages in ASCII. Chromium decodes a page's bytes into text before parsing it; a page with any character
 * beyond ASCII (a curly quote, a dash) takes its slow path for the whole document. Measured on the story page
 * (402 KB, some 300 such characters): 25–46 ms of `TextResourceDecoder::Decode` on the main thread of this
 * machine, 2–4 ms once the page is pure ASCII; under Lighthouse's 4× CPU slowdown that is 100–180 ms of a
 * phone's start-up. So after the build every page is rewritten with each non-ASCII character as a numeric
 * character reference (`’` → `&#x2019;`), which every HTML parser reads back as the same character: the DOM,
 * the text and the accessibility tree are unchanged.
 *
 * Raw text is different: the parser does not decode references in `<script>`, `<style>` or comments. JSON
 * data blocks (`<script type="application/json">`) get JSON's own escapes (`\u2019`), which `JSON.parse`
 * reads back as the same string; any other script, a style or a comment that holds a non-ASCII character
 * fails the build, naming the page (rewriting one would change what the CSP hashes cover). `<noscript>` is
 * parsed as markup without JavaScript and handed to the HTML parser by `step-figures.ts` with it, so
 * references there read back too.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NON_ASCII = /[^\u0000-\u007f]/gu;
/** Raw-text elements and comments: their content is not markup, so character references mean nothing there. */
const RAW = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<!--[\s\S]*?-->/gi;
const JSON_TYPE = /\btype\s*=\s*["']?application\/(?:[\w.+-]+\+)?json\b/i;

const reference = (ch: string): string => `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`;
/** JSON's escape for a character (two for one beyond the Basic Multilingual Plane: its UTF-16 surrogates). */
const jsonEscape = (ch: string): string =>
  Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join('');

/** `html` with every character beyond ASCII written as ASCII; throws (naming `file`) where that cannot be done. */
export function asciiHtml(html: string, file = 'page'): string {
  let out = '';
  let at = 0;
  for (const m of html.matchAll(RAW)) {
    out += html.slice(at, m.index).replace(NON_ASCII, reference);
    const [whole, tag, attributes = '', content = ''] = m;
    if (tag && tag.toLowerCase() === 'script' && JSON_TYPE.test(attributes)) {
      out += whole.slice(0, whole.length - content.length - `</${tag}>`.length) + content.replace(NON_ASCII, jsonEscape) + `</${tag}>`;
    } else {
      const found = /[^\u0000-\u007f]/u.exec(whole);
      if (found) {
        const what = tag ? `a <${tag}> element` : 'a comment';
        throw new Error(
          `${file}: ${what} holds the non-ASCII character ${JSON.stringify(found[0])} (U+${found[0].codePointAt(0)!.toString(16).toUpperCase()}), which cannot be written as ASCII there`,
        );
      }
      out += whole;
    }
    at = m.index + whole.length;
  }
  return out + html.slice(at).replace(NON_ASCII, reference);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export default function asciiHtmlPages(): AstroIntegration {
  return {
    name: 'ascii-html',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let changed = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const ascii = asciiHtml(html, file.slice(root.length));
          if (ascii !== html) {
            await writeFile(file, ascii);
            changed++;
          }
        }
        logger.info(`${changed} page(s) written in ASCII`);
      },
    },
  };
}
