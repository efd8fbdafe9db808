import { describe, expect, it } from 'vitest';
import { parseStory } from './story';
import { storySection } from './story-schema';

const FILE = 'content/story/01-toll.md';
const md = (body: string, front = 'id: toll\ntitle: The toll\nchart: overdoses\nfigure:\n  title: T\n  note: N') =>
  `---\n${front}\n---\n\n${body}`;

function validate(text: string) {
  const { frontmatter, blocks } = parseStory(text, FILE);
  return storySection.safeParse({ ...frontmatter, order: 1, blocks });
}

describe('parseStory', () => {
  it('splits prose and steps, keeping each step’s id, state, html and plain text', () => {
    const { frontmatter, blocks } = parseStory(
      md('Intro at 10:30, see Note:this.\n\n:::step{#total state="total"}\n### Heading\nIn 1999, **16,849** died.\n:::\n\nOutro.'),
      FILE,
    );
    expect(frontmatter).toMatchObject({ id: 'toll', chart: 'overdoses' });
    expect(blocks.map((b) => b.kind)).toEqual(['prose', 'step', 'prose']);
    expect(blocks[0]).toMatchObject({ html: '<p>Intro at 10:30, see Note:this.</p>' });
    expect(blocks[1]).toMatchObject({ kind: 'step', id: 'total', state: 'total', line: 12, title: 'Heading' });
    expect(blocks[1]?.html).toContain('<h3 id="total-heading">Heading</h3>');
    expect(blocks[1]?.html).toContain('<strong>16,849</strong>');
    expect(blocks[1]?.kind === 'step' && blocks[1].text).toContain('In 1999, 16,849 died.');
  });

  it('rejects an unknown directive, naming the file and line', () => {
    expect(() => parseStory(md(':::stpe{#a state="total"}\nText\n:::'), FILE)).toThrow(/01-toll\.md, line 10: unknown directive ":::stpe"/);
  });

  it('rejects invalid frontmatter YAML', () => {
    expect(() => parseStory('---\ntitle: [unclosed\n---\n', FILE)).toThrow(/01-toll\.md: the frontmatter is not valid YAML/);
  });
});

describe('storySection schema', () => {
  it('accepts steps whose states the chart has', () => {
    expect(
      validate(md(':::step{#total state="total"}\n### One\nText\n:::\n\n:::step{#surge state="surge"}\n### Two\nMore\n:::')).success,
    ).toBe(true);
  });

  it('rejects a step whose state its chart does not have, naming the step and listing the scenes', () => {
    const result = validate(md(':::step{#total state="total"}\n### H\nText\n:::\n\n:::step{#surge state="srge"}\n### H2\nMore\n:::'));
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['blocks', 1, 'state']);
    expect(issue?.message).toMatch(
      /step "#surge" \(line 15\) asks for state "srge", which chart "overdoses" does not have \(it has: axes, total,/,
    );
  });

  it.each([
    ['a step with no id', md(':::step{state="total"}\n### H\nText\n:::'), /every step needs an id/],
    ['a step with no state', md(':::step{#total}\nText\n:::'), /every step needs a state/],
    ['an empty step', md(':::step{#total state="total"}\n:::'), /a step needs text/],
    ['steps without a chart', md(':::step{#total state="total"}\n### H\nText\n:::', 'id: toll\ntitle: T'), /has steps but names no chart/],
    [
      'an unknown chart',
      md(':::step{#total state="total"}\n### H\nText\n:::', 'id: toll\ntitle: T\nchart: overdose\nfigure:\n  title: T\n  note: N'),
      /expected a chart id: overdoses/,
    ],
    ['a step without a heading', md(':::step{#total state="total"}\nText\n:::'), /every step needs a heading/],
    [
      'a repeated step id',
      md(':::step{#a state="total"}\n### H\nText\n:::\n\n:::step{#a state="surge"}\n### H\nText\n:::'),
      /step "#a" \(line 15\) appears twice/,
    ],
    [
      'a chart without a figure title and note',
      md(':::step{#a state="total"}\n### H\nText\n:::', 'id: toll\ntitle: T\nchart: overdoses'),
      /figure\.title and figure\.note/,
    ],
  ])('rejects %s', (_, text, message) => {
    const result = validate(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});
