/** The real content, read as the build reads it: the story's steps and sections, the sources, the glossary. */
import { readdirSync, readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';
import { parseStory } from '../../src/data/story';
import { storyTargets, type StoryTarget, type TargetSection } from '../../src/data/story-targets';

const STORY = 'content/story';

/** Sections in file order, their ids as the story loader gives them (frontmatter id, else the file name). */
export function storySections(): TargetSection[] {
  return readdirSync(STORY)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const { frontmatter, blocks } = parseStory(readFileSync(`${STORY}/${f}`, 'utf8'), f);
      const id = typeof frontmatter['id'] === 'string' ? frontmatter['id'] : f.replace(/^\d+-|\.md$/g, '');
      const title = typeof frontmatter['title'] === 'string' ? frontmatter['title'] : id;
      return {
        id,
        title,
        blocks: blocks.map((b) =>
          b.kind === 'step' ? { kind: 'step' as const, id: b.id ?? '', title: b.title ?? '' } : { kind: 'prose' as const },
        ),
      };
    });
}

export const realTargets = (): Map<string, StoryTarget> => storyTargets(storySections());

export const realSourceIds = (): Set<string> =>
  new Set(csvParse(readFileSync('content/data/sources.csv', 'utf8').replace(/^\uFEFF/, '')).map((r) => r['source_id'] ?? ''));

export const realGlossary = (): Record<string, string> =>
  (parseYaml(readFileSync('content/locales/en.yaml', 'utf8')) as { glossary: Record<string, string> }).glossary;
