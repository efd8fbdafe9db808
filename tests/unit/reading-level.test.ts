import { readdirSync, readFileSync } from 'node:fs';
import readability from 'text-readability';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/data/story';

/** The narrative aims at a general reader: about grade 9, never above 10 (Flesch–Kincaid). */
const MAX_GRADE = 10;
const DIR = 'content/story';

/** A section's reading text: its prose and steps as plain text, without markup. */
function sectionText(file: string): string {
  const { blocks } = parseStory(readFileSync(`${DIR}/${file}`, 'utf8'), file);
  return blocks
    .map((b) => (b.kind === 'step' ? b.text : b.html.replace(/<[^>]+>/g, ' ')))
    .join('\n\n')
    .replace(/\s+/g, ' ');
}

describe('reading level', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md'));
  it.each(files)('%s reads at grade 10 or below', (file) => {
    const text = sectionText(file);
    expect(text.split(' ').length).toBeGreaterThan(30);
    expect(readability.fleschKincaidGrade(text)).toBeLessThanOrEqual(MAX_GRADE);
  });

  it('would flag dense prose (the check can fail)', () => {
    const dense =
      'Notwithstanding multilateral pharmacological interdiction commitments, transnational precursor-chemical diversion methodologies circumvent internationally harmonised scheduling determinations, complicating jurisdictional enforcement coordination considerably.';
    expect(readability.fleschKincaidGrade(dense)).toBeGreaterThan(MAX_GRADE);
  });
});
