import { renderFrame } from './shared/marks';
import type { ChartFrames, SizeName } from './types';

/**
 * One chart's frames at one size, every scene, as one SVG document: a nested `<svg data-scene>` per scene,
 * drawn by renderFrame exactly as the page's SVGs are. The page carries the compact frames (each step's
 * own chart); wider screens fetch `/frames/<chart>.<size>.svg` and read their frames from it with the
 * same readFrame. Nothing here is ever displayed.
 */
export function framesFile(chart: string, frames: ChartFrames, size: SizeName): string {
  const scenes = Object.entries(frames[size]).map(([scene, frame]) => {
    const prefix = `frames-${scene}-${size}`;
    return `<svg data-scene="${scene}" data-size="${size}" data-id-prefix="${prefix}" viewBox="0 0 ${frame.width} ${frame.height}">${renderFrame(frame, prefix)}</svg>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${chart}" data-size="${size}">\n${scenes.join('\n')}\n</svg>\n`;
}

/** Where a chart's frames at `size` live, under the site's base path (the figure names its chart; the client adds `.<size>.svg`). */
export const framesStem = (base: string, chart: string): string => `${base}frames/${chart}`;
