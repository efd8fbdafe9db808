import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../../../data/story-page';
import { embedTargets } from '../../../embed/urls';

/** A static oEmbed document per chart (type "rich"), linked from its embed page for CMSs that discover embeds. */
export const getStaticPaths: GetStaticPaths = async () => {
  const { sections } = await loadStory('en');
  return sections.flatMap((s) => (s.chart && s.figure ? [{ params: { chart: s.chart }, props: { sectionId: s.id } }] : []));
};

export const GET: APIRoute = async ({ props, site }) => {
  const { sections, strings } = await loadStory('en');
  const section = sections.find((s) => s.id === props['sectionId']);
  if (!section?.chart || !section.figure) throw new Error('oembed: no chart');
  const urls = embedTargets(site ?? 'http://localhost:4321', section.chart);
  const height = 640;
  const title = section.figure.title;
  const html =
    `<div data-pym-src="${urls.page}">` +
    `<iframe src="${urls.page}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="${height}" frameborder="0" scrolling="no"></iframe></div>` +
    `<script src="${urls.pym}"></script>`;
  const body = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: strings.ui.siteName,
    provider_url: new URL(import.meta.env.BASE_URL, site ?? 'http://localhost:4321').href,
    html,
    width: 640,
    height,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json+oembed' } });
};
