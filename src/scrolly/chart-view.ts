import { withoutGroups, type Frame } from '../charts/shared/marks';
import { nearestColumn, readoutMarks, readoutText } from '../charts/shared/readout';
import type { ChartPayload, SizeName } from '../charts/types';
import type { Motion } from './motion';

export interface ChartView {
  readonly scene: () => string;
  /** Puts the chart in `scene`; `animate` asks for a tween (motion may still refuse). The live region says `announcement`, or the scene's description. */
  show(scene: string, animate: boolean, announcement?: string): void;
  /** Removes every listener the view added. */
  destroy(): void;
}

interface Panel {
  readonly root: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly year: HTMLElement;
  readonly toggles: readonly HTMLButtonElement[];
}

function findPanel(within: ParentNode): Panel | undefined {
  const root = within.querySelector<HTMLElement>('[data-explore]');
  const slider = root?.querySelector<HTMLInputElement>('input[type="range"]');
  const year = root?.querySelector<HTMLElement>('[data-explore-year]');
  if (!root || !slider || !year) return undefined;
  return { root, slider, year, toggles: [...root.querySelectorAll<HTMLButtonElement>('button[data-group]')] };
}

/**
 * Adopts a prerendered figure: its SVGs (one per size; CSS shows one), the serialised frames, the
 * live region and, for scenes with a readout, the explore panel found in `panelRoot` (it sits in
 * the explore step's card). Nothing is rebuilt from scratch.
 */
export function mountChart(figure: HTMLElement, payload: ChartPayload, motion: Motion, panelRoot: ParentNode = figure): ChartView {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg[data-size]')];
  const live = figure.querySelector<HTMLElement>('[data-chart-live]');
  const panel = findPanel(panelRoot);
  const hidden = new Set<string>();
  let scene = figure.dataset['scene'] ?? payload.entryScene;
  let column = -1;
  const listeners = new AbortController();
  const { signal } = listeners;
  // Which size is on screen (CSS shows one, the other is display: none), kept by a ResizeObserver so a
  // step change never reads layout: a read there would force a synchronous style and layout pass in
  // the middle of the frame (the benchmark's long animation frames at 4× CPU came from it).
  const onScreen = new Set<Element>();
  const sizes = new ResizeObserver((entries) => {
    for (const e of entries) {
      if (e.contentRect.width > 0 && e.contentRect.height > 0) onScreen.add(e.target);
      else onScreen.delete(e.target);
    }
  });
  for (const svg of svgs) {
    sizes.observe(svg);
    if (svg.getClientRects().length > 0) onScreen.add(svg); // until the observer's first report
  }

  const frameFor = (size: SizeName): Frame | undefined => {
    const frame = payload.frames[size]?.[scene];
    if (!frame) return undefined;
    const visible = withoutGroups(frame, hidden);
    const col = frame.readout?.[column];
    return col ? { ...visible, marks: [...visible.marks, ...readoutMarks(frame, col, hidden)] } : visible;
  };

  function render(animate: boolean): void {
    for (const svg of svgs) {
      const size = svg.dataset['size'] as SizeName;
      const frame = frameFor(size);
      // A hidden size (display: none) jumps; only the one on screen tweens.
      if (frame) motion.transition(svg, frame, svg.dataset['idPrefix'] ?? size, animate && onScreen.has(svg));
    }
  }

  function updatePanel(): void {
    if (!panel) return;
    const columns = payload.frames.wide[scene]?.readout;
    panel.root.hidden = !columns;
    if (!columns) return;
    const i = column < 0 ? columns.length - 1 : column;
    const col = columns[i];
    if (!col) return;
    panel.slider.max = String(columns.length - 1);
    panel.slider.value = String(i);
    panel.slider.setAttribute('aria-valuetext', readoutText(col, hidden));
    panel.year.textContent = col.label;
    for (const button of panel.toggles) {
      const group = button.dataset['group'] ?? '';
      const value = col.values.find((v) => v.group === group);
      button.setAttribute('aria-pressed', String(!hidden.has(group)));
      const out = button.querySelector('[data-value]');
      if (out && value) out.textContent = value.valueLabel;
    }
  }

  function selectColumn(i: number): void {
    column = i;
    updatePanel();
    render(false);
  }

  if (panel) {
    panel.slider.addEventListener('input', () => selectColumn(Number(panel.slider.value)), { signal });
    for (const button of panel.toggles) {
      button.addEventListener(
        'click',
        () => {
          const group = button.dataset['group'] ?? '';
          if (hidden.has(group)) hidden.delete(group);
          else hidden.add(group);
          updatePanel();
          render(true);
        },
        { signal },
      );
    }
    for (const svg of svgs) {
      const pick = (event: PointerEvent) => {
        const columns = payload.frames[svg.dataset['size'] as SizeName]?.[scene]?.readout;
        const ctm = svg.getScreenCTM();
        if (!columns || !ctm) return;
        const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()).x;
        selectColumn(nearestColumn(columns, x));
      };
      svg.addEventListener('pointermove', pick, { signal });
      svg.addEventListener('pointerdown', pick, { signal });
    }
  }

  return {
    scene: () => scene,
    destroy: () => {
      listeners.abort();
      sizes.disconnect();
      if (panel) panel.root.hidden = true;
    },
    show(next, animate, announcement) {
      if (next === scene && figure.dataset['scene'] === next) return;
      scene = next;
      column = -1;
      figure.dataset['scene'] = next;
      const description = payload.descriptions[next] ?? '';
      for (const svg of svgs) {
        const desc = svg.querySelector('desc');
        if (desc) desc.textContent = description;
      }
      if (live) live.textContent = announcement ?? description;
      updatePanel();
      render(animate);
    },
  };
}
