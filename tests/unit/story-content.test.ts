import { readdirSync, readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/data/story';
import { SIZES } from '../../src/charts/types';
import { PINNED_MEDIA } from '../../src/scrolly/layout';

const STORY = 'content/story';
const DATA = 'content/data';
const files = readdirSync(STORY).filter((f) => f.endsWith('.md'));
const sections = files.map((f) => ({ file: f, ...parseStory(readFileSync(`${STORY}/${f}`, 'utf8'), f) }));

/** Most steps on a phone share the screen with the pinned chart: a step says one thing, in about 60 words. */
const MAX_STEP_WORDS = 60;

describe('the story as content', () => {
  it(`every step says one thing: ${MAX_STEP_WORDS} words at most`, () => {
    const long = sections.flatMap(({ file, blocks }) =>
      blocks.flatMap((b) => {
        const words = b.kind === 'step' ? b.text.split(/\s+/).filter(Boolean).length : 0;
        return words > MAX_STEP_WORDS ? [`${file} #${b.kind === 'step' ? b.id : ''}: ${words} words`] : [];
      }),
    );
    expect(long).toEqual([]);
  });

  it('every count the text states is a figure in content/data (written as the CSVs hold it)', () => {
    const cells = new Set(
      readdirSync(DATA)
        .filter((f) => f.endsWith('.csv'))
        .flatMap((f) => csvParse(readFileSync(`${DATA}/${f}`, 'utf8').replace(/^\uFEFF/, '')).flatMap((row) => Object.values(row))),
    );
    const stated = sections.flatMap(({ file, blocks }) =>
      blocks.flatMap((b) => [...(b.kind === 'step' ? b.text : b.html).matchAll(/\b\d{1,3}(?:,\d{3})+\b/g)].map((m) => ({ file, n: m[0] }))),
    );
    expect(stated.length).toBeGreaterThan(10);
    const unknown = stated.filter(({ n }) => !cells.has(n.replace(/,/g, ''))).map(({ file, n }) => `${file}: ${n}`);
    expect(unknown).toEqual([]);
  });
});

describe('PINNED_MEDIA (src/scrolly/layout.ts)', () => {
  it('is the condition story.css pins charts under, clause for clause', () => {
    const css = readFileSync('src/styles/story.css', 'utf8').replace(/\s+/g, ' ');
    const clauses = PINNED_MEDIA.split(',').map((c) => c.trim().replace(/^screen and /, 'screen and (scripting: enabled) and '));
    expect(clauses).toHaveLength(2);
    expect(css).toContain(`@media ${clauses.join(', ')} {`);
  });
});

describe('a step chart waiting in its <noscript> (StepFigure.astro)', () => {
  it('keeps the box of the compact chart it will hold, so nothing moves when the script draws it', () => {
    const compact = SIZES.find((s) => s.name === 'compact');
    const css = readFileSync('src/styles/story.css', 'utf8').replace(/\s+/g, ' ');
    expect(css).toContain(`.step-figure:has(> noscript) { aspect-ratio: ${compact?.width} / ${compact?.height}; }`);
  });
});
