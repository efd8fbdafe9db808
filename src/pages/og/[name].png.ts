import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../../data/story-page';
import { getDatasets } from '../../data/datasets';
import { shareCards } from '../../share/cards';
import { shareImage } from '../../share/render';

/** Share images (1200 × 630 PNG): og/story.png and og/<section>.png, drawn at build from the charts' own SVG. */
export const getStaticPaths: GetStaticPaths = async () =>
  shareCards(await loadStory('en'), await getDatasets()).map((card) => ({ params: { name: card.name } }));

export const GET: APIRoute = async ({ params }) => {
  const card = shareCards(await loadStory('en'), await getDatasets()).find((c) => c.name === params['name']);
  if (!card) throw new Error(`og/${String(params['name'])}.png: no such share image`);
  return new Response(new Uint8Array(await shareImage(card)), { headers: { 'Content-Type': 'image/png' } });
};
