import { describe, expect, it } from 'vitest';
import { defineTerms } from './glossary';
import { parseStory } from './story';
import { renderQuotes } from './quotes';

const glossary = { scheduling: 'putting a drug on a controlled list' };

describe('glossary terms', () => {
  it(':term[…]{#id} in the story becomes a <dfn> the page can define', () => {
    const { blocks } = parseStory('A step known as :term[class-wide scheduling]{#scheduling}, at 10:30.', 'story.md');
    expect(blocks[0]?.html).toBe('<p>A step known as <dfn data-term="scheduling">class-wide scheduling</dfn>, at 10:30.</p>');
  });

  it('makes the first use of a term a button that opens its definition on demand, and only the first', () => {
    const seen = new Set<string>();
    const first = defineTerms('<p><dfn data-term="scheduling">scheduling</dfn></p>', glossary, seen, 'a');
    const again = defineTerms('<p><dfn data-term="scheduling">scheduled</dfn></p>', glossary, seen, 'b');
    expect(first).toBe(
      '<p><button type="button" class="term" popovertarget="term-scheduling"><dfn data-term="scheduling" id="term-scheduling-word">scheduling</dfn></button>' +
        '<span class="term-def" id="term-scheduling" popover role="note" aria-labelledby="term-scheduling-word">putting a drug on a controlled list</span></p>',
    );
    expect(again).toBe('<p><dfn data-term="scheduling">scheduled</dfn></p>');
  });

  it('fails the build on a term the glossary lacks', () => {
    expect(() => defineTerms('<dfn data-term="analog">analog</dfn>', glossary, new Set(), 'content/story (toll)')).toThrow(
      'content/story (toll): the term "analog" has no definition',
    );
  });
});

describe('quotes', () => {
  const quote = {
    id: 'wang-principles',
    text: 'Our two sides agreed to follow the principles of mutual respect.',
    speaker: 'Wang Xiaohong',
    speaker_title: 'State Councilor and Minister of Public Security of China',
    date: '2024-01-30',
    publisher: 'AFP',
    rendering: 'English rendering by AFP',
    source_ids: ['T24'],
    confidence: 'verified',
  };
  const quotes = new Map([[quote.id, quote]]);
  it('::quote{#id} in the story becomes the quote, verbatim and attributed, with whose English rendering it is', () => {
    const { blocks } = parseStory('Text.\n\n::quote{#wang-principles}\n', 'story.md');
    const used = new Set<typeof quote>();
    const html = renderQuotes(blocks[0]!.html, quotes, 'en-US', 'story.md', used);
    expect(html).toContain('<blockquote><p>“Our two sides agreed to follow the principles of mutual respect.”</p></blockquote>');
    expect(html).toContain('Wang Xiaohong</span>, State Councilor and Minister of Public Security of China, January 30, 2024.');
    expect(html).toContain('English rendering by AFP.');
    expect([...used]).toEqual([quote]);
  });
  it('fails the build on a quote the data does not have, and on a quote without an id', () => {
    const { blocks } = parseStory('::quote{#nobody-said-this}\n', 'story.md');
    expect(() => renderQuotes(blocks[0]!.html, quotes, 'en-US', 'content/story (diplomacy)', new Set())).toThrow(
      'content/story (diplomacy): ::quote{#nobody-said-this} names a quote that content/data/quotes.csv does not have',
    );
    expect(() => parseStory('::quote\n', 'story.md')).toThrow('story.md, line 1: a quote needs its id');
  });
});
