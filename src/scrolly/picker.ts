import type { Frame } from '../charts/shared/marks';
import type { Explore } from './explore';

/**
 * The explore state of a chart of things (stages and places on a map, events on a timeline): the reader
 * picks one, with its button in the explore card or by tapping its marks, and reads its facts and
 * sources in the card while the chart marks it. Items are the chart's mark groups: a mark belongs to an
 * item when its `group` is the item's id. The same Explore contract as the series controls (explore.ts).
 */
export function mountPicker(section: ParentNode): Explore | undefined {
  const root = section.querySelector<HTMLElement>('[data-explore][data-explore-kind="items"]');
  if (!root) return undefined;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-item]')];
  const details = [...root.querySelectorAll<HTMLElement>('[data-item-details]')];
  const fromTable = tableDetails(root.querySelector<HTMLElement>('[data-details-from]'), buttons);
  const ids = new Set(buttons.map((b) => b.dataset['item'] ?? ''));
  let picked: string | undefined;
  const redraws: ((animate: boolean) => void)[] = [];
  const listeners = new AbortController();
  const { signal } = listeners;

  function update(): void {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset['item'] === picked));
    for (const d of details) d.hidden = d.dataset['itemDetails'] !== picked;
    fromTable?.(picked);
  }
  function pick(id: string | undefined, animate = true): void {
    picked = id !== undefined && ids.has(id) ? id : undefined;
    update();
    for (const r of redraws) r(animate);
  }
  for (const b of buttons) {
    // A second press on the picked item lets it go.
    b.addEventListener('click', () => pick(b.dataset['item'] === picked ? undefined : b.dataset['item']), { signal });
  }
  update();

  return {
    decorate(frame: Frame): Frame {
      if (picked === undefined) return frame;
      return {
        ...frame,
        marks: frame.marks.map((m) => {
          if (m.group === undefined || !ids.has(m.group)) return m;
          const state = m.group === picked ? 'is-picked' : 'is-unpicked';
          return { ...m, cls: m.cls ? `${m.cls} ${state}` : state };
        }),
      };
    },
    attach(svgs, redraw) {
      redraws.push(redraw);
      for (const svg of svgs) {
        svg.addEventListener(
          'click',
          (event) => {
            const group = (event.target as Element | null)?.closest('[data-group]')?.getAttribute('data-group') ?? undefined;
            if (group !== undefined && ids.has(group)) pick(group);
          },
          { signal },
        );
      }
    },
    setVisible(visible) {
      if (!visible && !root.hidden) pick(undefined, false);
      root.hidden = !visible;
    },
    destroy() {
      listeners.abort();
      root.hidden = true;
    },
  };
}

interface FromTable {
  /** The id of the data table's caption. */
  readonly table: string;
  readonly keys: readonly string[];
  readonly lines: readonly string[];
  /** The key of the cell that lists source ids; each becomes a link to `href` + id. */
  readonly sources: string;
  readonly href: string;
}

/**
 * Where the page writes no facts per item, they are read from the item's row of the chart's data table
 * (the same order as the buttons) and written, as text and links, into the live region, which announces
 * them. Returns what shows an item's facts (nothing for none), or undefined where the facts are in the page.
 */
function tableDetails(region: HTMLElement | null, buttons: readonly HTMLButtonElement[]): ((id: string | undefined) => void) | undefined {
  const json = region?.dataset['detailsFrom'];
  if (!region || !json) return undefined;
  const spec = JSON.parse(json) as FromTable;
  const rows = document.getElementById(spec.table)?.closest('table')?.tBodies[0]?.rows;
  let shown: string | undefined;
  return (id) => {
    if (id === shown) return;
    shown = id;
    const index = buttons.findIndex((b) => b.dataset['item'] === id);
    const row = rows?.[index];
    if (id === undefined || !row) {
      region.replaceChildren();
      return;
    }
    const cells = new Map(spec.keys.map((key, i) => [key, row.cells[i]?.textContent?.trim() ?? '']));
    const item = document.createElement('div');
    item.className = 'explore__item';
    item.setAttribute('role', 'group');
    item.dataset['itemDetails'] = id;
    item.setAttribute('aria-label', buttons[index]?.textContent?.trim() ?? '');
    item.append(
      ...spec.lines.map((line, i) => {
        const p = document.createElement('p');
        if (i === 0) p.className = 'explore__when';
        // "Who: {actors}. Sources: {sources}." → text, the cell's words, and a link per source id.
        for (const part of line.split(/(\{\w+\})/)) {
          const key = /^\{(\w+)\}$/.exec(part)?.[1];
          if (key === undefined) p.append(part);
          else if (key !== spec.sources) p.append(cells.get(key) ?? '');
          else p.append(...sourceLinks(cells.get(key) ?? '', spec.href));
        }
        return p;
      }),
    );
    region.replaceChildren(item);
  };
}

/** "T01, T02" → a link to each source's entry, comma-separated. */
function sourceLinks(ids: string, href: string): (Node | string)[] {
  return ids
    .split(/,\s*/)
    .filter(Boolean)
    .flatMap((sourceId, i) => {
      const a = document.createElement('a');
      a.href = href + sourceId;
      a.textContent = sourceId;
      return i === 0 ? [a] : [', ', a];
    });
}
