/**
 * Glossary terms: the story marks a term with `:term[words]{#id}`. Where a term first appears on the
 * page it becomes a button that opens its definition (from the locale's glossary) in a popover, on
 * demand, so a step's card stays short; the definition follows the button in the page, so screen
 * readers, print (story.css shows it in brackets) and readers without JavaScript (the popover needs
 * none) all get it.
 */
export function defineTerms(html: string, glossary: Readonly<Record<string, string>>, seen: Set<string>, where: string): string {
  return html.replace(/<dfn data-term="([^"]+)">([\s\S]*?)<\/dfn>/g, (_, id: string, words: string) => {
    const definition = glossary[id];
    if (definition === undefined) throw new Error(`${where}: the term "${id}" has no definition in the locale's glossary.`);
    if (seen.has(id)) return `<dfn data-term="${id}">${words}</dfn>`;
    seen.add(id);
    return (
      `<button type="button" class="term" popovertarget="term-${id}"><dfn data-term="${id}" id="term-${id}-word">${words}</dfn></button>` +
      `<span class="term-def" id="term-${id}" popover role="note" aria-labelledby="term-${id}-word">${definition}</span>`
    );
  });
}
