import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { DataError } from './csv';
import { parseStory } from './story';

export const STORY_DIR = 'content/story';

/** A schema failure as "field: message" lines (Astro formats its own; a bare zod error is JSON). */
function describeError(e: unknown): string {
  const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues) return (e as Error).message;
  return issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('\n');
}

/**
 * Loads the story: one markdown file per section, read in file-name order. Steps are declared in
 * the markdown (`:::step{#id state="scene"}`); the collection schema then checks each step's state
 * against its chart's scenes, so a typo fails the build naming the file and the step.
 */
export function storyLoader(dir = STORY_DIR): Loader {
  return {
    name: 'story-loader',
    async load({ store, parseData }) {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
      const stepOwners = new Map<string, string>();
      store.clear();
      for (const [order, name] of files.entries()) {
        const file = join(dir, name);
        const { frontmatter, blocks } = parseStory(await readFile(file, 'utf8'), file);
        const id = typeof frontmatter['id'] === 'string' ? frontmatter['id'] : name.replace(/^\d+-|\.md$/g, '');
        let data: Record<string, unknown>;
        try {
          data = await parseData({ id, data: { ...frontmatter, order, blocks }, filePath: file });
        } catch (e) {
          throw new DataError(`${file}: ${describeError(e)}`);
        }
        for (const b of blocks) {
          if (b.kind !== 'step' || b.id === undefined) continue;
          const owner = stepOwners.get(b.id);
          if (owner)
            throw new DataError(
              `${file}, line ${b.line}: step "#${b.id}" is already used in ${owner}; step ids are page anchors and must be unique.`,
            );
          stepOwners.set(b.id, file);
        }
        store.set({ id, data, filePath: file });
      }
    },
  };
}
