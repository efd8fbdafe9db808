import { describe, expect, it } from 'vitest';
import { defineTerms } from './glossary';
import { parseStory } from './story';

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
