/** The code a newsroom pastes to embed a chart: with pym.js (it sizes itself) or as a plain iframe (our host script sizes it). */
export interface SnippetOptions {
  readonly variant: 'pym' | 'iframe';
  readonly theme: 'auto' | 'light' | 'dark';
  /** A step id to open at; undefined for the first step. */
  readonly step: string | undefined;
  /** The plain iframe's height, in pixels (until the host script resizes it). */
  readonly height: number;
}

export interface SnippetTargets {
  readonly page: string;
  readonly pym: string;
  readonly host: string;
  readonly title: string;
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed's address for these options: ?step= and ?theme= for the script, #step for readers without it. */
export function embedSrc(page: string, o: Pick<SnippetOptions, 'theme' | 'step'>): string {
  const url = new URL(page);
  if (o.step) url.searchParams.set('step', o.step);
  if (o.theme !== 'auto') url.searchParams.set('theme', o.theme);
  if (o.step) url.hash = o.step;
  return url.href;
}

export function snippet(t: SnippetTargets, o: SnippetOptions): string {
  const src = attr(embedSrc(t.page, o));
  if (o.variant === 'pym') return `<div data-pym-src="${src}"></div>\n<script src="${attr(t.pym)}"></script>`;
  const height = Math.round(Math.min(Math.max(o.height, 200), 3000));
  return (
    `<iframe data-ox-embed src="${src}" title="${attr(t.title)}" width="100%" height="${height}" frameborder="0" scrolling="no" loading="lazy"></iframe>\n` +
    `<script src="${attr(t.host)}" async></script>`
  );
}
