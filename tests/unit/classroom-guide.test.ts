/**
 * The teacher's page and the words of /checked/ (content/classroom/*.md): the real files pass every check and
 * read at grade 10 or below where students read them; a glossary entry, quiz item or citation field naming an
 * unknown source id, step, section or term fails the build naming the file and the line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import readability from 'text-readability';
import { describe, expect, it } from 'vitest';
import {
  checkGuide,
  classroomLoader,
  classroomPage,
  parseClassroomFile,
  type ClassroomGuide,
  type KnownIds,
} from '../../src/data/classroom';
import { realGlossary, realSourceIds, realTargets } from './classroom-fixtures';

const GUIDE = 'content/classroom/guide.md';
const CHECKED = 'content/classroom/checked.md';
const read = (file: string) => readFileSync(file, 'utf8');

const known = (): KnownIds => ({ sources: realSourceIds(), targets: realTargets(), glossary: new Set(Object.keys(realGlossary())) });

function parseGuide(text: string, file = GUIDE): ClassroomGuide {
  const { data } = parseClassroomFile(text, file);
  const page = classroomPage.parse(data);
  if (page.kind !== 'guide') throw new Error('not a guide');
  return page;
}

/** The loader over a folder holding one file `name` with `text`. */
async function loadFile(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ox-classroom-'));
  writeFileSync(join(dir, name), text);
  const entries = new Map<string, unknown>();
  const ctx = {
    store: { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: unknown }) => entries.set(id, data) },
    parseData: async ({ data }: { data: unknown }) => classroomPage.parseAsync(data),
  } as unknown as LoaderContext;
  await classroomLoader(dir).load(ctx);
  return { file: join(dir, name), entries };
}

describe('content/classroom', () => {
  it('the teacher’s page passes its schema and every reference resolves in the story, the sources and the glossary', () => {
    const page = parseGuide(read(GUIDE));
    expect(() => checkGuide(page, known(), GUIDE)).not.toThrow();
    expect(page.quiz.length).toBeGreaterThanOrEqual(5);
    expect(page.discussion.map((d) => d.section)).toEqual(['opening', 'toll', 'pipeline', 'diplomacy']);
  });

  it('the glossary names the terms a teacher needs, each defined in the story’s glossary', () => {
    const page = parseGuide(read(GUIDE));
    const glossary = realGlossary();
    for (const id of ['precursor', 'analogue', 'class-wide', 'port-of-entry', 'provisional', 'entity-list', 'working-group'])
      expect(page.glossary.map((g) => g.id)).toContain(id);
    for (const g of page.glossary) expect(glossary[g.id], g.id).toBeTruthy();
  });

  it('the words of /checked/ pass their schema, with a meaning for each verdict of the scale', () => {
    const { data } = parseClassroomFile(read(CHECKED), CHECKED);
    const page = classroomPage.parse(data);
    expect(page.kind).toBe('checked');
    if (page.kind === 'checked')
      expect(Object.keys(page.verdicts).filter((k) => k !== 'line')).toEqual(['holds', 'holds, with a nuance', 'attributed', 'contested']);
  });

  it('what students read is at grade 10 or below (Flesch–Kincaid)', () => {
    const page = parseGuide(read(GUIDE));
    const { data } = parseClassroomFile(read(CHECKED), CHECKED);
    const texts: Record<string, string> = {
      'guide summary': page.html,
      'quiz questions and answers': page.quiz.map((q) => `${q.question} ${q.answer}`).join(' '),
      'discussion questions': page.discussion.flatMap((d) => d.questions).join(' '),
      'checked introduction': String(data['html']),
    };
    for (const [what, html] of Object.entries(texts)) {
      const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(readability.fleschKincaidGrade(text), what).toBeLessThanOrEqual(10);
    }
  });
});

describe('line numbers', () => {
  it('every item of a list keeps the line of the file it is written on', () => {
    const text = read(GUIDE);
    const page = parseGuide(text);
    const lines = text.split('\n');
    for (const q of page.quiz) expect(lines[q.line - 1], q.id).toContain(`id: ${q.id}`);
    for (const g of page.glossary) expect(lines[g.line - 1], g.id).toContain(`id: ${g.id}`);
    for (const d of page.discussion) expect(lines[d.line - 1], d.section).toContain(`section: ${d.section}`);
  });
});

describe('bad input fails the build, naming the file and the line', () => {
  const text = read(GUIDE);
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const check = (changed: string) => () => checkGuide(parseGuide(changed), known(), GUIDE);

  it('a quiz item citing an unknown source id', () => {
    const bad = text.replace('source_ids: [S26]', 'source_ids: [S26, X99]');
    expect(check(bad)).toThrow(`${GUIDE}, line ${lineOf('id: potency')}, quiz item "potency", source_ids: unknown source id X99`);
  });

  it('a quiz item pointing to an unknown step', () => {
    const bad = text.replace('step: early-counts', 'step: early-count');
    expect(check(bad)).toThrow(
      `${GUIDE}, line ${lineOf('id: first-count')}, quiz item "first-count", step: "early-count" is neither a step nor a section`,
    );
  });

  it('a glossary entry naming a term the glossary lacks, or an unknown step', () => {
    expect(check(text.replace('- id: entity-list', '- id: entity-lists'))).toThrow(
      `${GUIDE}, line ${lineOf('- id: entity-list')}, glossary entry "entity-lists": the locale's glossary (content/locales/*.yaml) has no term "entity-lists"`,
    );
    expect(check(text.replace('see: wave-synthetic', 'see: wave-3'))).toThrow(
      `${GUIDE}, line ${lineOf('- id: synthetic-opioid')}, glossary entry "synthetic-opioid", see: "wave-3" is neither a step nor a section`,
    );
  });

  it('discussion questions for a section the story lacks (a step is not a section)', () => {
    expect(check(text.replace('- section: pipeline', '- section: total'))).toThrow(
      `${GUIDE}, line ${lineOf('- section: pipeline')}, discussion, section: "total" is not a section of the story.`,
    );
  });

  it('a citation field naming an unknown section', () => {
    expect(check(text.replace('parts: [toll, pipeline, diplomacy]', 'parts: [toll, pipelines]'))).toThrow(
      `${GUIDE}, line ${lineOf('parts: [toll')}, citation, parts: "pipelines" is neither a step nor a section`,
    );
  });

  it('the summary citing an unknown source id', () => {
    expect(check(text.replace('sources: [T19,', 'sources: [T99,'))).toThrow(
      `${GUIDE}, line ${lineOf('sources: [T19,')}, sources: unknown source id T99`,
    );
  });

  it('a quiz item without an answer, at load (the schema)', async () => {
    const bad = text.replace('    answer: About 50 times as strong.\n', '');
    await expect(loadFile('guide.md', bad)).rejects.toThrow(new RegExp(`guide\\.md, line ${lineOf('id: potency')}, quiz\\.0\\.answer: `));
  });

  it('a quiz item whose source id is malformed, at load', async () => {
    const bad = text.replace('source_ids: [S26]', 'source_ids: [s26]');
    await expect(loadFile('guide.md', bad)).rejects.toThrow(
      /guide\.md, line \d+, quiz\.0\.source_ids\.0: expected a source id such as "S01"/,
    );
  });

  it('a verdict outside the scale in /checked/, at load', async () => {
    const bad = read(CHECKED).replace(/^( {2}contested: .*\n)/m, '$1  mostly true: a verdict the research does not use.\n');
    await expect(loadFile('checked.md', bad)).rejects.toThrow(
      /checked\.md, line \d+, verdicts: the verdicts are those of the research's scale/,
    );
  });

  it('a verdict meaning missing from /checked/, at load', async () => {
    const bad = read(CHECKED).replace(/^ {2}contested: .*\n/m, '');
    await expect(loadFile('checked.md', bad)).rejects.toThrow(/checked\.md, line \d+, verdicts\.contested: /);
  });

  it('a step in a teacher’s page', async () => {
    await expect(loadFile('guide.md', `${text}\n:::step{#x state="total"}\n### X\nY\n:::\n`)).rejects.toThrow(
      /guide\.md, line \d+: steps belong in content\/story/,
    );
  });

  it('malformed YAML', async () => {
    await expect(loadFile('guide.md', text.replace('kind: guide', 'kind: [guide'))).rejects.toThrow(
      /guide\.md, line \d+: the frontmatter is not valid YAML/,
    );
  });
});
