import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { DataError } from './csv';

/** A run of narrative between steps. */
export interface ProseBlock {
  readonly kind: 'prose';
  readonly html: string;
}

/** One scroll step: `:::step{#id state="scene"}` … `:::` in the markdown. */
export interface StepBlock {
  readonly kind: 'step';
  readonly id: string | undefined;
  readonly state: string | undefined;
  readonly html: string;
  /** Plain text, for text alternatives and readability checks. */
  readonly text: string;
  /** The step's first heading, which names its card (a region) for screen readers. */
  readonly title: string | undefined;
  readonly line: number;
}

export type StoryBlock = ProseBlock | StepBlock;

export interface ParsedStory {
  readonly frontmatter: Record<string, unknown>;
  readonly blocks: readonly StoryBlock[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);
const toHtml = unified().use(remarkRehype).use(rehypeStringify);

function html(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return String(toHtml.stringify(toHtml.runSync(root))).trim();
}

/**
 * Text like "10:30" or "Note:this" must stay text: remark-directive reads `:name` inside a
 * paragraph as a text directive, so anything that is not ours (`:term[…]`) goes back to what was written.
 */
function restoreTextDirectives(node: RootContent | Root, file: string): void {
  if (!('children' in node)) return;
  node.children = node.children.flatMap((child): RootContent[] => {
    if (child.type === 'textDirective' && child.name === 'term') {
      // :term[words]{#id} marks a glossary term; the page adds its definition on first use.
      const id = child.attributes?.id ?? toString(child).toLowerCase().replace(/\s+/g, '-');
      return [{ type: 'emphasis', data: { hName: 'dfn', hProperties: { dataTerm: id } }, children: child.children as PhrasingContent[] }];
    }
    if (child.type === 'textDirective') {
      restoreTextDirectives(child, file);
      return [{ type: 'text', value: `:${child.name}` }, ...(child.children as RootContent[])];
    }
    if (child.type === 'leafDirective' && child.name === 'quote') {
      // ::quote{#id} puts a quote from content/data/quotes.csv here, verbatim and attributed (src/data/quotes.ts).
      const id = child.attributes?.id;
      if (!id) throw new DataError(`${file}, line ${child.position?.start.line ?? 0}: a quote needs its id: ::quote{#quote-id}`);
      return [{ type: 'paragraph', data: { hName: 'figure', hProperties: { dataQuote: id } }, children: [] }];
    }
    if (child.type === 'leafDirective' || (child.type === 'containerDirective' && child.name !== 'step')) {
      const line = child.position?.start.line ?? 0;
      throw new DataError(
        `${file}, line ${line}: unknown directive "${child.type === 'leafDirective' ? '::' : ':::'}${child.name}" (the story knows :::step and ::quote).`,
      );
    }
    restoreTextDirectives(child, file);
    return [child];
  }) as typeof node.children;
}

/** Splits a story section into prose and steps, with the frontmatter still unvalidated (the schema does that). */
export function parseStory(text: string, file: string): ParsedStory {
  const tree = parser.parse(text.replace(/^\uFEFF/, ''));
  restoreTextDirectives(tree, file);
  let frontmatter: Record<string, unknown> = {};
  const blocks: StoryBlock[] = [];
  let prose: RootContent[] = [];
  const flush = () => {
    if (prose.length > 0) blocks.push({ kind: 'prose', html: html(prose) });
    prose = [];
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      try {
        const parsed: unknown = parseYaml(node.value);
        frontmatter = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
      } catch (e) {
        throw new DataError(`${file}: the frontmatter is not valid YAML: ${(e as Error).message}`);
      }
    } else if (node.type === 'containerDirective' && node.name === 'step') {
      flush();
      const attrs = node.attributes ?? {};
      const nested = node.children.find((c) => c.type === 'containerDirective');
      if (nested) throw new DataError(`${file}, line ${nested.position?.start.line ?? 0}: steps cannot be nested.`);
      const id = attrs.id ?? undefined;
      const heading = node.children.find((c) => c.type === 'heading');
      // The heading gets an id so the card can be labelled by it.
      if (heading && id) heading.data = { ...heading.data, hProperties: { id: `${id}-heading` } };
      blocks.push({
        kind: 'step',
        id,
        title: heading ? toString(heading) : undefined,
        state: attrs.state ?? undefined,
        html: html(node.children),
        text: node.children.map((c) => toString(c)).join('\n\n'),
        line: node.position?.start.line ?? 0,
      });
    } else {
      prose.push(node);
    }
  }
  flush();
  return { frontmatter, blocks };
}
