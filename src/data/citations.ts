/**
 * How to cite the story: APA (7th ed.), MLA (9th ed.), Chicago (17th ed., bibliography) and BibTeX, as
 * pure functions of what identifies the version a student read: its title, the site, the publisher, the
 * address, the date it was built and the site's version (and the commit, when the build knows it).
 * Each style returns its text in parts, so a page can set titles in italics and a copy stays plain text.
 */

export interface CitedWork {
  /** The work's title: the story's headline. */
  readonly title: string;
  /** The website it is published on. */
  readonly siteName: string;
  /** Who publishes it; cited as the (group) author, as there is no byline. */
  readonly publisher: string;
  /** The story's address (canonical URL). */
  readonly url: string;
  /** The date of this version: the day it was built (read in UTC). */
  readonly date: Date;
  /** The site's version (package.json). */
  readonly version: string;
  /** The commit the build came from, when known. */
  readonly commit?: string | undefined;
}

export interface CitationPart {
  readonly text: string;
  readonly italic?: boolean;
}

export interface Citation {
  readonly style: 'apa' | 'mla' | 'chicago' | 'bibtex';
  readonly parts: readonly CitationPart[];
  /** The whole citation as plain text. */
  readonly text: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA abbreviates months of five letters or more. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ymd = (d: Date) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() });

/** 2026-11-29, the date as the build records it. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "29 November 2026". */
export function longDay(date: Date): string {
  const { y, m, d } = ymd(date);
  return `${d} ${MONTHS[m]} ${y}`;
}

/** "0.1.0, commit 0cf9e26" or "0.1.0". */
export function versionLabel(work: Pick<CitedWork, 'version' | 'commit'>): string {
  return work.commit ? `${work.version}, commit ${work.commit}` : work.version;
}

/** A title ends a sentence: add a period unless it already ends with one (or ? or !). */
const closed = (s: string): string => (/[.?!]$/.test(s) ? s : `${s}.`);

function citation(style: Citation['style'], parts: CitationPart[]): Citation {
  return { style, parts, text: parts.map((p) => p.text).join('') };
}

/** APA 7, a web page with a group author: Publisher. (2026, November 29). *Title* (Version …). Site. URL */
export function apa(work: CitedWork): Citation {
  const { y, m, d } = ymd(work.date);
  const site = work.siteName === work.publisher ? '' : ` ${closed(work.siteName)}`;
  return citation('apa', [
    { text: `${closed(work.publisher)} (${y}, ${MONTHS[m]} ${d}). ` },
    { text: work.title, italic: true },
    { text: ` (Version ${versionLabel(work)}).${site} ${work.url}` },
  ]);
}

/** MLA 9, a page on a website: “Title.” *Site*, version …, Publisher, 29 Nov. 2026, URL. */
export function mla(work: CitedWork): Citation {
  const { y, m, d } = ymd(work.date);
  const publisher = work.siteName === work.publisher ? '' : ` ${work.publisher},`;
  return citation('mla', [
    { text: `“${closed(work.title)}” ` },
    { text: work.siteName, italic: true },
    { text: `, version ${versionLabel(work)},${publisher} ${d} ${MLA_MONTHS[m]} ${y}, ${work.url}.` },
  ]);
}

/**
 * Chicago 17, bibliography entry for a web page: Publisher. “Title.” Site. Version …, November 29, 2026. URL.
 * A site that is its own author starts with the title.
 */
export function chicago(work: CitedWork): Citation {
  const { y, m, d } = ymd(work.date);
  const author = work.siteName === work.publisher ? '' : `${closed(work.publisher)} `;
  return citation('chicago', [
    {
      text: `${author}“${closed(work.title)}” ${closed(work.siteName)} Version ${versionLabel(work)}, ${MONTHS[m]} ${d}, ${y}. ${work.url}.`,
    },
  ]);
}

/** Characters BibTeX treats as commands or groups, escaped in text fields. */
function bibEscape(s: string): string {
  return s.replace(/[\\{}&%$#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}' : `\\${c}`,
  );
}

/** A citation key: the site's name in lowercase letters and digits, then the year ("fentanylslongroad2026"). */
export function bibtexKey(work: Pick<CitedWork, 'siteName' | 'date'>): string {
  const name = work.siteName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `${name || 'story'}${work.date.getUTCFullYear()}`;
}

/** BibTeX @misc, with the fields biblatex reads for online sources (url, urldate, version) too. */
export function bibtex(work: CitedWork): Citation {
  const { y, m } = ymd(work.date);
  const fields: [string, string][] = [
    ['author', `{{${bibEscape(work.publisher)}}}`],
    ['title', `{{${bibEscape(work.title)}}}`],
    ['howpublished', `{${bibEscape(work.siteName)}}`],
    ['year', `{${y}}`],
    ['month', BIBTEX_MONTHS[m] ?? ''],
    ['version', `{${bibEscape(versionLabel(work))}}`],
    ['url', `{${work.url}}`],
    ['urldate', `{${isoDay(work.date)}}`],
    ['note', `{Version ${bibEscape(versionLabel(work))}, built ${isoDay(work.date)}}`],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(',\n');
  return citation('bibtex', [{ text: `@misc{${bibtexKey(work)},\n${body}\n}` }]);
}

/** Every style, in the order a page lists them. */
export function citations(work: CitedWork): Citation[] {
  return [apa(work), mla(work), chicago(work), bibtex(work)];
}
