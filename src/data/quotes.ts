import { formatDate } from '../charts/shared/format';
import type { QuoteRow } from './schemas';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Fills each `::quote{#id}` of the story (parsed to `<figure data-quote="id"></figure>`) with the quote from
 * content/data/quotes.csv: the words verbatim, then who said them, their exact title, when, who printed
 * them and, for words said in another language, whose English rendering they are. An unknown id fails the
 * build, naming `where`. `used` collects the quotes placed (their sources join the section's list).
 */
export function renderQuotes(
  html: string,
  quotes: ReadonlyMap<string, QuoteRow>,
  locale: string,
  where: string,
  used: Set<QuoteRow>,
): string {
  return html.replace(/<figure data-quote="([^"]*)"><\/figure>/g, (_, id: string) => {
    const q = quotes.get(id);
    if (!q) throw new Error(`${where}: ::quote{#${id}} names a quote that content/data/quotes.csv does not have.`);
    used.add(q);
    const when = formatDate(q.date, locale, q.date.length > 7 ? 'day' : 'long');
    const credit = [q.rendering ?? `Reported by ${q.publisher}`].join('');
    return (
      `<figure class="quote" data-quote="${escape(q.id)}">` +
      `<blockquote><p>“${escape(q.text)}”</p></blockquote>` +
      `<figcaption><span class="quote__who">${escape(q.speaker)}</span>, ${escape(q.speaker_title)}, ${escape(when)}. ` +
      `<span class="quote__credit">${escape(credit)}.</span></figcaption></figure>`
    );
  });
}
