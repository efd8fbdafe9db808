/**
 * Places in the story that the teachers' pages point to: every step (its card's id is a page anchor) and
 * every section (its id), read from the story that is built. The opening section is the top of the page,
 * so a link to it carries no fragment.
 */

export interface StoryTarget {
  readonly id: string;
  readonly kind: 'step' | 'section';
  /** The step's heading, or the section's title. */
  readonly title: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** The fragment that lands on it (`#id`), or '' for the opening, at the top of the story. */
  readonly fragment: string;
}

/** The shape of a loaded story section that matters here (see story-schema.ts). */
export interface TargetSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ({ readonly kind: 'prose' } | { readonly kind: 'step'; readonly id: string; readonly title: string })[];
}

/** Every step and section id of the story, in reading order (sections as loadStory gives them). */
export function storyTargets(sections: readonly TargetSection[]): Map<string, StoryTarget> {
  const out = new Map<string, StoryTarget>();
  sections.forEach((s, i) => {
    const section = { sectionId: s.id, sectionTitle: s.title };
    out.set(s.id, { id: s.id, kind: 'section', title: s.title, ...section, fragment: i === 0 ? '' : `#${s.id}` });
    for (const b of s.blocks)
      if (b.kind === 'step') out.set(b.id, { id: b.id, kind: 'step', title: b.title, ...section, fragment: `#${b.id}` });
  });
  return out;
}

/** "diplomacy, explore-toll, …": the ids a message can suggest. */
export function listTargets(targets: ReadonlyMap<string, StoryTarget>): string {
  return [...targets.keys()].join(', ');
}
