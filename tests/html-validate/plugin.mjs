/**
 * The site's html-validate rules (loaded by .htmlvalidate.json).
 *
 * `local/long-title` is the built-in `long-title` rule (a title search engines would cut: over 70 characters)
 * counting the characters a reader and a search engine see. The built pages are written in ASCII
 * (src/integrations/ascii-html.ts), so a title's curly quotes and dashes are character references in the
 * source (`&#x2019;`, eight characters for one); the built-in rule counts the source text.
 */
import { decodeHTML } from 'entities';
import { Rule } from 'html-validate';

const MAX = 70;

class LongTitle extends Rule {
  documentation() {
    return {
      description: `Search engines cut titles longer than ${MAX} characters (counted as shown, character references decoded).`,
      url: 'https://html-validate.org/rules/long-title.html',
    };
  }

  setup() {
    this.on('tag:end', (event) => {
      const node = event.previous;
      if (!node || node.tagName !== 'title') return;
      const text = decodeHTML(node.textContent);
      if (text.length > MAX) this.report(node, `title text cannot be longer than ${MAX} characters (it has ${text.length})`);
    });
  }
}

export default { name: 'local', rules: { 'local/long-title': LongTitle } };
