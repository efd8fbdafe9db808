import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { VERDICTS, type Verdict } from './claims';
import { DataError } from './csv';
import { parseStory } from './story';
import { listTargets, type StoryTarget } from './story-targets';

/**
 * The teachers' pages, written in content/classroom/*.md like the story: the frontmatter holds the parts a
 * page lays out (objectives, glossary, questions, quiz, citation fields, the page's words), the body is prose.
 * `guide` is the teacher's page (/classroom/), `checked` the words around the claims of /checked/. Every item
 * of a list keeps the line it was written on, so a bad reference fails the build naming the file and line.
 */
export const CLASSROOM_DIR = 'content/classroom';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase id with dashes');
const text = z.string().min(1);
const line = z.number().int();
const sourceId = z.string().regex(/^[A-Z]\d{2}$/, 'expected a source id such as "S01"');

/** A glossary entry of the teacher's page: a term of the locale's glossary (the story's definitions), named. */
const glossaryEntry = z.object({
  line,
  /** The term's id in `glossary` of content/locales/<locale>.yaml: its definition comes from there. */
  id: slug,
  /** The words, as a teacher would say them ("class-wide scheduling"). */
  term: text,
  /** Where the story uses or explains it: a step or section id. */
  see: slug,
});

/** Questions for a class on one section: questions only, no new facts. */
const discussionSet = z.object({
  line,
  section: slug,
  questions: z.array(text).min(1),
});

/** A quiz item: the answer is a fact of the research or the story, with its sources and the step that shows it. */
const quizItem = z.object({
  line,
  id: slug,
  question: text,
  answer: text,
  source_ids: z.array(sourceId).min(1, 'a quiz answer names its sources'),
  /** The step or section where the story shows the answer. */
  step: slug,
});

/** What a citation needs beyond the build: who publishes the story, and the parts a student may point to. */
const citationFields = z.object({
  line,
  /** Cited as the group author (the story has no byline); the site's name when not given. */
  publisher: text.optional(),
  /** Sections or steps listed with their own address. */
  parts: z.array(slug).default([]),
});

const guide = z.object({
  kind: z.literal('guide'),
  kicker: text,
  title: text,
  /** The page's description (search results, link previews) and its standfirst. */
  description: text,
  /** The printed handout's own title and first line (the story's address follows it). */
  handout: z.object({ title: text, intro: text }),
  /** Shown on screen only: how to print the handout. */
  printNote: text,
  /** Sources of the summary (the body). */
  sources: z.array(sourceId).min(1),
  headings: z.object({ summary: text, objectives: text, glossary: text, discussion: text, quiz: text, cite: text }),
  labels: z.object({
    summarySources: text,
    objectivesIntro: text,
    glossaryIntro: text,
    discussionIntro: text,
    quizIntro: text,
    /** Before each link to the story ("In the story:"). */
    inTheStory: text,
    /** The opening section, as a link names it. */
    storyStart: text,
    answer: text,
    answerSources: text,
    /** `{version}` and `{date}` of the build. */
    citeIntro: text,
    citeParts: text,
    styles: z.object({ apa: text, mla: text, chicago: text, bibtex: text }),
  }),
  objectives: z.array(text).min(1),
  glossary: z.array(glossaryEntry).min(1),
  discussion: z.array(discussionSet).min(1),
  quiz: z.array(quizItem).min(1),
  citation: citationFields,
  /** The body, as HTML. */
  html: z.string(),
  /** The line each top-level field is written on (messages name it). */
  fieldLines: z.record(z.string(), z.number()),
});
export type ClassroomGuide = z.infer<typeof guide>;

const checked = z.object({
  kind: z.literal('checked'),
  kicker: text,
  title: text,
  description: text,
  headings: z.object({ intro: text, verdicts: text, claims: text }),
  labels: z.object({
    /** `{n}`: the claim's number. */
    claim: text,
    record: text,
    sources: text,
    verdict: text,
    /** Before the link to where the story draws the evidence. */
    evidence: text,
    storyStart: text,
  }),
  /** What each verdict of the scale means, in the research's words. */
  verdicts: z
    .object({ holds: text, 'holds, with a nuance': text, attributed: text, contested: text } satisfies Record<Verdict, typeof text>)
    .catchall(z.unknown())
    .refine((v) => Object.keys(v).every((k) => k === 'line' || (VERDICTS as readonly string[]).includes(k)), {
      message: `the verdicts are those of the research's scale: ${VERDICTS.join(' / ')}`,
    }),
  /** What a qualifier in brackets after a verdict means. */
  qualifiers: text,
  html: z.string(),
  fieldLines: z.record(z.string(), z.number()),
});
export type CheckedPage = z.infer<typeof checked>;

export const classroomPage = z.discriminatedUnion('kind', [guide, checked], { error: 'expected kind: guide or kind: checked' });
export type ClassroomPage = z.infer<typeof classroomPage>;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface ParsedClassroomFile {
  readonly data: Record<string, unknown>;
  /** The line (of the file) a path of the frontmatter is written on, or of its nearest written parent. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Puts `line` (of the file) on every mapping below the top, walking the YAML nodes beside their JS values. */
function addLines(node: Node | null | undefined, value: unknown, at: (n: Node) => number, top = true): void {
  if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => addLines(item as Node, value[i], at, false));
  } else if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    if (!top) (value as Record<string, unknown>)['line'] = at(node);
    for (const pair of node.items) {
      if (isScalar(pair.key)) addLines(pair.value as Node, (value as Record<string, unknown>)[String(pair.key.value)], at, false);
    }
  }
}

/**
 * Reads a classroom file: its frontmatter (each list item given its line) and its body as HTML (the story's
 * markdown, prose only). Malformed YAML or a step in the body fail naming the file.
 */
export function parseClassroomFile(source: string, file: string): ParsedClassroomFile {
  const body = source.replace(/^\uFEFF/, '');
  const m = FRONTMATTER.exec(body);
  if (!m) throw new DataError(`${file}: expected frontmatter between --- lines at the top.`);
  const counter = new LineCounter();
  const doc: Document = parseDocument(m[1] ?? '', { lineCounter: counter });
  const error = doc.errors[0];
  if (error)
    throw new DataError(`${file}, line ${(error.linePos?.[0].line ?? 0) + 1}: the frontmatter is not valid YAML: ${error.message}`);
  // The frontmatter starts on the file's second line.
  const at = (n: Node): number => counter.linePos(n.range?.[0] ?? 0).line + 1;
  const data = doc.toJS() as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new DataError(`${file}: the frontmatter must be a mapping of fields.`);
  addLines(doc.contents as Node, data, at);
  const fieldLines: Record<string, number> = {};
  if (isMap(doc.contents))
    for (const pair of doc.contents.items) if (isScalar(pair.key)) fieldLines[String(pair.key.value)] = at(pair.key as Node);

  const { blocks } = parseStory(body, file);
  const step = blocks.find((b) => b.kind === 'step');
  if (step && step.kind === 'step')
    throw new DataError(`${file}, line ${step.line}: steps belong in content/story, not on a teacher's page.`);
  const html = blocks.map((b) => b.html).join('\n');

  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (node && typeof node === 'object' && node.range) return at(node);
    }
    return 1;
  };
  return { data: { ...(data as Record<string, unknown>), html, fieldLines }, lineOf };
}

/** A schema failure as "line N, field: message" lines, each naming where in the file it is. */
function describeIssues(e: unknown, file: string, lineOf: ParsedClassroomFile['lineOf']): string {
  const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!issues) return `${file}: ${(e as Error).message}`;
  return issues.map((i) => `${file}, line ${lineOf(i.path)}, ${i.path.map(String).join('.') || 'frontmatter'}: ${i.message}`).join('\n');
}

/** The classroom collection: one entry per content/classroom/*.md, its id the file name. */
export function classroomLoader(dir = CLASSROOM_DIR): Loader {
  return {
    name: 'classroom-loader',
    async load({ store, parseData, watcher }: LoaderContext) {
      const names = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
      store.clear();
      for (const name of names) {
        const file = join(dir, name);
        const { data, lineOf } = parseClassroomFile(await readFile(file, 'utf8'), file);
        const id = name.replace(/\.md$/, '');
        // Fail with the file and lines first (Astro's own message would name neither).
        const checkedData = classroomPage.safeParse(data);
        if (!checkedData.success) throw new DataError(describeIssues(checkedData.error, file, lineOf));
        store.set({ id, data: await parseData({ id, data, filePath: file }), filePath: file });
        watcher?.add(file);
      }
    },
  };
}

/** What the build knows, to check the references a teacher's page makes. */
export interface KnownIds {
  readonly sources: ReadonlySet<string>;
  readonly targets: ReadonlyMap<string, StoryTarget>;
  /** Term ids of the locale's glossary. */
  readonly glossary: ReadonlySet<string>;
}

/**
 * Every source id, step, section and glossary term the teacher's page names exists in the build; fails naming
 * the file, the line and the item otherwise.
 */
export function checkGuide(page: ClassroomGuide, known: KnownIds, file: string): void {
  const fail = (at: number, what: string, message: string): never => {
    throw new DataError(`${file}, line ${at}, ${what}: ${message}`);
  };
  const target = (at: number, what: string, id: string): void => {
    if (!known.targets.has(id))
      fail(at, what, `"${id}" is neither a step nor a section of the story (it has: ${listTargets(known.targets)}).`);
  };
  const sources = (at: number, what: string, ids: readonly string[]): void => {
    const unknown = ids.filter((id) => !known.sources.has(id));
    if (unknown.length > 0) fail(at, what, `unknown source id ${unknown.join(', ')} (not in content/data/sources.csv).`);
  };
  const field = (name: string): number => page.fieldLines[name] ?? 1;
  sources(field('sources'), 'sources', page.sources);
  const quizIds = new Set<string>();
  for (const q of page.quiz) {
    if (quizIds.has(q.id)) fail(q.line, `quiz item "${q.id}"`, 'this id is used twice (each is an anchor on the page).');
    quizIds.add(q.id);
  }
  for (const g of page.glossary) {
    if (!known.glossary.has(g.id))
      fail(
        g.line,
        `glossary entry "${g.id}"`,
        `the locale's glossary (content/locales/*.yaml) has no term "${g.id}": add its definition there.`,
      );
    target(g.line, `glossary entry "${g.id}", see`, g.see);
  }
  for (const d of page.discussion) {
    const t = known.targets.get(d.section);
    if (!t || t.kind !== 'section') fail(d.line, 'discussion, section', `"${d.section}" is not a section of the story.`);
  }
  for (const q of page.quiz) {
    sources(q.line, `quiz item "${q.id}", source_ids`, q.source_ids);
    target(q.line, `quiz item "${q.id}", step`, q.step);
  }
  for (const p of page.citation.parts) target(page.citation.line, 'citation, parts', p);
}
