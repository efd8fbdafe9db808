import { describe, expect, it } from 'vitest';
import { apa, bibtex, bibtexKey, chicago, citations, isoDay, longDay, mla, versionLabel, type CitedWork } from './citations';

/** The story as the site cites itself: the site is its own publisher (no byline), built on 29 Nov 2026. */
const story: CitedWork = {
  title: 'Fentanyl’s long road, and the meeting meant to block it',
  siteName: "Fentanyl's long road",
  publisher: "Fentanyl's long road",
  url: 'https://www.example.com/graphics/fentanyl/',
  date: new Date('2026-11-29T23:30:00Z'),
  version: '0.1.0',
  commit: '0cf9e26',
};

/** A publisher other than the site, no commit known (a build from a tarball), a September date. */
const desk: CitedWork = {
  ...story,
  publisher: 'Graphics Desk',
  date: new Date('2027-09-05T00:00:00Z'),
  commit: undefined,
};

describe('apa()', () => {
  it('cites the site as its own group author, with the build date and the version and commit', () => {
    expect(apa(story).text).toBe(
      "Fentanyl's long road. (2026, November 29). Fentanyl’s long road, and the meeting meant to block it (Version 0.1.0, commit 0cf9e26). https://www.example.com/graphics/fentanyl/",
    );
  });
  it('names the site after the title when the publisher is someone else; without a commit, the version alone', () => {
    expect(apa(desk).text).toBe(
      "Graphics Desk. (2027, September 5). Fentanyl’s long road, and the meeting meant to block it (Version 0.1.0). Fentanyl's long road. https://www.example.com/graphics/fentanyl/",
    );
  });
  it('sets the title in italics, and only the title', () => {
    expect(
      apa(story)
        .parts.filter((p) => p.italic)
        .map((p) => p.text),
    ).toEqual([story.title]);
  });
});

describe('mla()', () => {
  it('starts with the title in quotes when the site is its own publisher; months abbreviated as MLA does', () => {
    expect(mla(story).text).toBe(
      "“Fentanyl’s long road, and the meeting meant to block it.” Fentanyl's long road, version 0.1.0, commit 0cf9e26, 29 Nov. 2026, https://www.example.com/graphics/fentanyl/.",
    );
    expect(mla(desk).text).toBe(
      "“Fentanyl’s long road, and the meeting meant to block it.” Fentanyl's long road, version 0.1.0, Graphics Desk, 5 Sept. 2027, https://www.example.com/graphics/fentanyl/.",
    );
  });
  it('sets the site (the container) in italics', () => {
    expect(
      mla(story)
        .parts.filter((p) => p.italic)
        .map((p) => p.text),
    ).toEqual([story.siteName]);
  });
  it('adds no second period after a title that ends in a question mark', () => {
    expect(mla({ ...story, title: 'Who stops fentanyl?' }).text).toMatch(/^“Who stops fentanyl\?” /);
  });
});

describe('chicago()', () => {
  it('starts with the title when the site is its own author', () => {
    expect(chicago(story).text).toBe(
      "“Fentanyl’s long road, and the meeting meant to block it.” Fentanyl's long road. Version 0.1.0, commit 0cf9e26, November 29, 2026. https://www.example.com/graphics/fentanyl/.",
    );
  });
  it('starts with the publisher otherwise', () => {
    expect(chicago(desk).text).toBe(
      "Graphics Desk. “Fentanyl’s long road, and the meeting meant to block it.” Fentanyl's long road. Version 0.1.0, September 5, 2027. https://www.example.com/graphics/fentanyl/.",
    );
  });
});

describe('bibtex()', () => {
  it('writes a @misc entry with the fields BibTeX and biblatex read', () => {
    expect(bibtex(story).text).toBe(
      [
        '@misc{fentanylslongroad2026,',
        "  author       = {{Fentanyl's long road}},",
        '  title        = {{Fentanyl’s long road, and the meeting meant to block it}},',
        "  howpublished = {Fentanyl's long road},",
        '  year         = {2026},',
        '  month        = nov,',
        '  version      = {0.1.0, commit 0cf9e26},',
        '  url          = {https://www.example.com/graphics/fentanyl/},',
        '  urldate      = {2026-11-29},',
        '  note         = {Version 0.1.0, commit 0cf9e26, built 2026-11-29}',
        '}',
      ].join('\n'),
    );
  });
  it('escapes the characters BibTeX reads as commands in text fields, not in the URL', () => {
    const text = bibtex({ ...desk, publisher: 'Smith & Jones', title: '100% of {it}', url: 'https://x.test/a_b#c' }).text;
    expect(text).toContain('author       = {{Smith \\& Jones}}');
    expect(text).toContain('title        = {{100\\% of \\{it\\}}}');
    expect(text).toContain('url          = {https://x.test/a_b#c}');
  });
  it('makes a key of the site name and the year', () => {
    expect(bibtexKey(story)).toBe('fentanylslongroad2026');
    expect(bibtexKey({ siteName: '¿Qué?', date: story.date })).toBe('que2026');
  });
});

describe('dates and versions', () => {
  it('reads the build date in UTC', () => {
    expect(isoDay(story.date)).toBe('2026-11-29');
    expect(longDay(story.date)).toBe('29 November 2026');
  });
  it('names the commit only when the build knows it', () => {
    expect(versionLabel(story)).toBe('0.1.0, commit 0cf9e26');
    expect(versionLabel(desk)).toBe('0.1.0');
  });
  it('lists the four styles in order', () => {
    expect(citations(story).map((c) => c.style)).toEqual(['apa', 'mla', 'chicago', 'bibtex']);
  });
});
