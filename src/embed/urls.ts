/** Where the story and a chart's embed live, as absolute URLs (the site's origin and base path included). */
const base = (): string => import.meta.env.BASE_URL;

export const storyUrl = (site: URL | string, hash = ''): string => new URL(`${base()}${hash ? `#${hash}` : ''}`, site).href;

export interface EmbedTargets {
  readonly page: string;
  readonly oembed: string;
  readonly pym: string;
  readonly host: string;
}

export function embedTargets(site: URL | string, chart: string): EmbedTargets {
  const at = (path: string) => new URL(`${base()}${path}`, site).href;
  return {
    page: at(`embed/${chart}/`),
    oembed: at(`embed/${chart}/oembed.json`),
    pym: at('embed/pym.v1.min.js'),
    host: at('embed/host.js'),
  };
}
