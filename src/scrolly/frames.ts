import type { Frame } from '../charts/shared/marks';
import { readFrame } from '../charts/shared/read-frame';
import type { ChartPayload, SizeName } from '../charts/types';

/** A section's frames, by scene and size, read back from the SVGs the build drew. */
export interface FrameStore {
  get(scene: string, size: SizeName): Frame | undefined;
  /** Whether the scene has a readout (the explore state). */
  explores(scene: string): boolean;
}

/**
 * Each scene's frames come from the first step chart drawn in that scene (`[data-step-figure]`), the entry
 * scene's (which no step shows) from the payload, and so do the explore readouts. Parsed on first use,
 * then kept.
 */
export function frameStore(section: ParentNode, payload: ChartPayload): FrameStore {
  const cache = new Map<string, Frame | undefined>();
  const withReadout = (frame: Frame, scene: string, size: SizeName): Frame => {
    const readout = payload.readouts[size]?.[scene];
    return readout ? { ...frame, readout } : frame;
  };
  const store: FrameStore = {
    get(scene, size) {
      const key = `${scene}\u0000${size}`;
      if (!cache.has(key)) {
        const svg = section.querySelector<SVGSVGElement>(`[data-step-figure="${CSS.escape(scene)}"] svg[data-size="${size}"]`);
        const frame = svg ? readFrame(svg) : scene === payload.entryScene ? payload.entryFrames[size] : undefined;
        cache.set(key, frame && withReadout(frame, scene, size));
      }
      return cache.get(key);
    },
    explores: (scene) => scene === payload.exploreScene,
  };
  // The explore scenes' step charts change with the reader's choices (the explore controls drive them too):
  // read their build-time frames now, before anything can.
  if (payload.exploreScene) for (const size of Object.keys(payload.readouts) as SizeName[]) store.get(payload.exploreScene, size);
  return store;
}
