/**
 * Glossary terms: the story marks a term with `:term[words]{#id}`; the first time a term appears
 * on the page, its definition (from the locale's glossary) follows it in brackets, so no reader
 * meets an unexplained word, with or without JavaScript, on screen or on paper.
 */
export function defineTerms(html: string, glossary: Readonly<Record<string, string>>, seen: Set<string>, where: string): string {
  return html.replace(/<dfn data-term="([^"]+)">([\s\S]*?)<\/dfn>/g, (_, id: string, words: string) => {
    const definition = glossary[id];
    if (definition === undefined) throw new Error(`${where}: the term "${id}" has no definition in the locale's glossary.`);
    if (seen.has(id)) return `<dfn data-term="${id}">${words}</dfn>`;
    seen.add(id);
    return `<dfn data-term="${id}" id="term-${id}">${words}</dfn> <span class="term-def">(${definition})</span>`;
  });
}
