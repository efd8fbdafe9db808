import type { Frame } from '../charts/shared/marks';
import { readFrame } from '../charts/shared/read-frame';
import type { ChartPayload, SizeName } from '../charts/types';
import { stepFigure } from './step-figures';

/** A section's frames, by scene and size, read back from the SVGs the build drew. */
export interface FrameStore {
  /** The frame, if it is here: a wider size's frames arrive with `load`. */
  get(scene: string, size: SizeName): Frame | undefined;
  /** Fetches the frames of `size` if the page does not carry them (once; later calls share the answer). */
  load(size: SizeName): Promise<void>;
  /** Whether the scene has a readout (the explore state). */
  explores(scene: string): boolean;
}

/** Fetches and parses one frames file (src/charts/frames-file.ts): its `<svg data-scene>` children by scene. */
async function fetchFrames(url: string): Promise<Map<string, SVGSVGElement>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const byScene = new Map<string, SVGSVGElement>();
  for (const svg of Array.from(doc.documentElement.children)) {
    const scene = svg.getAttribute('data-scene');
    if (scene !== null && svg.localName === 'svg') byScene.set(scene, svg as SVGSVGElement);
  }
  return byScene;
}

/**
 * The compact frames come from the steps' own charts (`[data-step-figure]`, drawn at the compact size only;
 * a figure still held in its `<noscript>` is drawn when first read: step-figures.ts),
 * the entry scene's (which no step shows) from the payload, and so do the explore readouts. The medium and
 * wide frames, which only wider screens draw, come from `/frames/<chart>.<size>.svg` (the figure's
 * `data-frames` names the stem), fetched when a chart at that size first needs them. Parsed on first use,
 * then kept.
 */
export function frameStore(section: ParentNode, payload: ChartPayload): FrameStore {
  const cache = new Map<string, Frame | undefined>();
  const files = new Map<SizeName, Map<string, SVGSVGElement>>();
  const loading = new Map<SizeName, Promise<void>>();
  const stem = section.querySelector<HTMLElement>('[data-frames]')?.dataset['frames'];
  const withReadout = (frame: Frame, scene: string, size: SizeName): Frame => {
    const readout = payload.readouts[size]?.[scene];
    return readout ? { ...frame, readout } : frame;
  };
  const built = (scene: string, size: SizeName): SVGSVGElement | null | undefined =>
    stepFigure(section, scene)?.querySelector<SVGSVGElement>(`svg[data-size="${size}"]`) ?? files.get(size)?.get(scene);
  const store: FrameStore = {
    get(scene, size) {
      const key = `${scene}\u0000${size}`;
      if (!cache.has(key)) {
        const svg = built(scene, size);
        const frame = svg ? readFrame(svg) : scene === payload.entryScene ? payload.entryFrames[size] : undefined;
        // A frame not here yet (its file has not arrived) is not remembered as missing.
        if (!frame && !files.has(size) && scene !== payload.entryScene) return undefined;
        cache.set(key, frame && withReadout(frame, scene, size));
      }
      return cache.get(key);
    },
    load(size) {
      let pending = loading.get(size);
      if (!pending) {
        // The sizes the page carries (the steps' own charts) need no file.
        const first = section.querySelector<HTMLElement>('[data-step-figure]')?.dataset['stepFigure'];
        const carried = first !== undefined && stepFigure(section, first)?.querySelector(`svg[data-size="${size}"]`) != null;
        pending =
          stem === undefined || carried
            ? Promise.resolve()
            : fetchFrames(`${stem}.${size}.svg`).then(
                (byScene) => void files.set(size, byScene),
                // Offline, or the file is gone: the chart stays in its last drawn state; the words still lead.
                (error: unknown) => {
                  files.set(size, new Map());
                  console.warn('Chart frames could not be loaded:', error);
                },
              );
        loading.set(size, pending);
      }
      return pending;
    },
    explores: (scene) => scene === payload.exploreScene,
  };
  // The explore scenes' step charts change with the reader's choices (the explore controls drive them too):
  // read their build-time frames now, before anything can.
  if (payload.exploreScene) for (const size of Object.keys(payload.readouts) as SizeName[]) store.get(payload.exploreScene, size);
  return store;
}
