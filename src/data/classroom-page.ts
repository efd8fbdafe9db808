import { getCollection, getEntry } from 'astro:content';
import { buildInfo, type BuildInfo } from './build-info';
import { checkClaims, CLAIMS_FILE, type ClaimEntry, type ParsedVerdict } from './claims';
import { CLASSROOM_DIR, checkGuide, type CheckedPage, type ClassroomGuide } from './classroom';
import type { LocaleStrings } from './locale-schema';
import type { SourceRow } from './schemas';
import { loadStory } from './story-page';
import { storyTargets, type StoryTarget } from './story-targets';

/** A place in the story, as a page links to it. */
export interface StoryLink {
  readonly href: string;
  /** "The surge (The toll)", "The pipeline", or the page's name for the opening. */
  readonly label: string;
}

/** The address of a step or section on the story page: the site's base, then the target's fragment. */
export function storyLink(target: StoryTarget, base: string, openingLabel: string): StoryLink {
  const label =
    target.fragment === '' ? openingLabel : target.kind === 'step' ? `${target.title} (${target.sectionTitle})` : target.sectionTitle;
  return { href: `${base}${target.fragment}`, label };
}

async function sourceMap(): Promise<Map<string, SourceRow>> {
  return new Map((await getCollection('sources')).map((e) => [e.id, e.data]));
}

function sourcesOf(ids: readonly string[], all: ReadonlyMap<string, SourceRow>, where: string): SourceRow[] {
  return ids.map((id) => {
    const s = all.get(id);
    if (!s) throw new Error(`${where}: unknown source id ${id} (not in content/data/sources.csv).`);
    return s;
  });
}

async function classroomEntry<K extends 'guide' | 'checked'>(id: K) {
  const entry = await getEntry('classroom', id);
  if (!entry || entry.data.kind !== id) throw new Error(`${CLASSROOM_DIR}/${id}.md is missing or is not "kind: ${id}".`);
  return entry.data as K extends 'guide' ? ClassroomGuide : CheckedPage;
}

export interface CheckedClaim {
  readonly claim: ClaimEntry;
  readonly verdict: ParsedVerdict;
  readonly sources: readonly SourceRow[];
  readonly story: StoryLink;
}

/** /checked/: its words, and every claim with its sources and its place in the story (checked against the story built). */
export async function loadChecked(base: string): Promise<{ strings: LocaleStrings; page: CheckedPage; claims: CheckedClaim[] }> {
  const { strings, sections } = await loadStory('en');
  const page = await classroomEntry('checked');
  const targets = storyTargets(sections);
  const all = await sourceMap();
  const claims = checkClaims(
    (await getCollection('claims')).map((e) => e.data),
    targets,
  ).map(({ claim, verdict, target }) => ({
    claim,
    verdict,
    sources: sourcesOf(claim.source_ids, all, `${CLAIMS_FILE}, line ${claim.line}`),
    story: storyLink(target, base, page.labels.storyStart),
  }));
  return { strings, page, claims };
}

export interface GuideData {
  readonly strings: LocaleStrings;
  readonly page: ClassroomGuide;
  /** The story's headline: the title a citation gives. */
  readonly storyTitle: string;
  readonly summarySources: readonly SourceRow[];
  readonly glossary: readonly { id: string; term: string; definition: string; story: StoryLink }[];
  readonly discussion: readonly { section: StoryLink; questions: readonly string[] }[];
  readonly quiz: readonly { id: string; question: string; answer: string; sources: readonly SourceRow[]; story: StoryLink }[];
  readonly parts: readonly StoryLink[];
  readonly build: BuildInfo;
}

/** /classroom/: the teacher's page, every reference to a source, step, section or glossary term checked against the build. */
export async function loadGuide(base: string): Promise<GuideData> {
  const { strings, sections } = await loadStory('en');
  const page = await classroomEntry('guide');
  const file = `${CLASSROOM_DIR}/guide.md`;
  const targets = storyTargets(sections);
  const all = await sourceMap();
  checkGuide(page, { sources: new Set(all.keys()), targets, glossary: new Set(Object.keys(strings.glossary)) }, file);
  const link = (id: string): StoryLink => storyLink(targets.get(id)!, base, page.labels.storyStart);
  const opening = sections[0];
  if (!opening) throw new Error('content/story/ has no sections.');
  return {
    strings,
    page,
    storyTitle: opening.title,
    summarySources: sourcesOf(page.sources, all, file),
    glossary: page.glossary.map((g) => ({ id: g.id, term: g.term, definition: strings.glossary[g.id] ?? '', story: link(g.see) })),
    discussion: page.discussion.map((d) => ({ section: link(d.section), questions: d.questions })),
    quiz: page.quiz.map((q) => ({
      id: q.id,
      question: q.question,
      answer: q.answer,
      sources: sourcesOf(q.source_ids, all, file),
      story: link(q.step),
    })),
    parts: page.citation.parts.map(link),
    build: buildInfo(),
  };
}
