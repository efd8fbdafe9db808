import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv';
import { renderQuotes } from '../../src/data/quotes';
import { quoteRow, type QuoteRow } from '../../src/data/schemas';
import { parseStory } from '../../src/data/story';

const STORY = 'content/story/03-diplomacy.md';

/**
 * The working group's words as the research (quotes.md, outside this repository) gives them, speaker,
 * day and wording, copied here when content/data/quotes.csv was checked against it: an edit to a quote in
 * the CSV that is not a correction of the research fails here. Wang's are AFP's English rendering.
 */
const RESEARCH = {
  'wang-principles': {
    speaker: 'Wang Xiaohong',
    date: '2024-01-30',
    text: 'Our two sides agreed to follow the principles of mutual respect, managing differences and mutually beneficial cooperation as we work to carry on cooperation on counternarcotics.',
  },
  'daskal-significant': {
    speaker: 'Jen Daskal',
    date: '2024-01-30',
    text: 'President Biden sent such a significant delegation to underscore the importance of this issue to the American people.',
  },
  'daskal-personal': {
    speaker: 'Jen Daskal',
    date: '2024-01-30',
    text: 'This was a deeply personal story of President Biden, but it is unfortunately not a unique story in the United States.',
  },
} as const;

const quotes = new Map<string, QuoteRow>(
  parseCsv(readFileSync('content/data/quotes.csv', 'utf8'), { file: 'quotes.csv', row: quoteRow, key: (r) => r.id }).map((r) => [
    r.value.id,
    r.value,
  ]),
);
const story = parseStory(readFileSync(STORY, 'utf8'), STORY);
const steps = story.blocks.flatMap((b) => (b.kind === 'step' ? [b] : []));
/** Each step's HTML as the page gets it, its quotes filled in. */
const rendered = steps.map((s) => ({ id: s.id, html: renderQuotes(s.html, quotes, 'en-US', STORY, new Set()) }));
const placed = steps.flatMap((s) => [...s.html.matchAll(/data-quote="([^"]+)"/g)].map((m) => m[1]!));

describe('quotes the diplomacy section places', () => {
  it('are the working group’s: Wang’s principles, Daskal’s delegation and Biden’s story, each in a step of its own', () => {
    expect(placed).toEqual(['wang-principles', 'daskal-significant', 'daskal-personal']);
    // A quote and its attribution fill a phone's card beside the chart.
    expect(steps.filter((s) => s.html.includes('data-quote'))).toHaveLength(3);
  });

  it.each(Object.entries(RESEARCH))('%s in quotes.csv is the research’s wording, speaker and day, with a source', (id, want) => {
    const q = quotes.get(id);
    expect(q, `${id} in content/data/quotes.csv`).toBeDefined();
    expect({ speaker: q!.speaker, date: q!.date, text: q!.text }).toEqual(want);
    expect(q!.source_ids.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(RESEARCH))('%s is on the page verbatim, with name, exact title, date and publisher', (id) => {
    const q = quotes.get(id)!;
    const html = rendered.find((r) => r.html.includes(`data-quote="${id}"`))?.html ?? '';
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(`<blockquote><p>“${escape(q.text)}”</p></blockquote>`);
    expect(html).toContain(`<span class="quote__who">${q.speaker}</span>, ${q.speaker_title}, January 30, 2024.`);
  });

  it('the words of a Chinese official say whose English rendering they are', () => {
    const wang = quotes.get('wang-principles')!;
    expect(wang.rendering).toBe(`English rendering by ${wang.publisher}`);
    expect(rendered.find((r) => r.html.includes('data-quote="wang-principles"'))?.html).toContain(
      '<span class="quote__credit">English rendering by AFP.</span>',
    );
    expect(quotes.get('daskal-personal')!.rendering ?? '').toBe('');
  });
});
