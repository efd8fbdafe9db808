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
  const ids = new Set(buttons.map((b) => b.dataset['item'] ?? ''));
  let picked: string | undefined;
  const redraws: ((animate: boolean) => void)[] = [];
  const listeners = new AbortController();
  const { signal } = listeners;

  function update(): void {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset['item'] === picked));
    for (const d of details) d.hidden = d.dataset['itemDetails'] !== picked;
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
