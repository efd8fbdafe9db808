/** Approximate width of a label in the chart font, for layout before any DOM exists. */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.56;

/**
 * Moves label positions apart so no two are closer than `gap`, keeping them within [min, max] and
 * as near their wanted positions as it can. Returns positions in the input order.
 */
export function dodge(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.min(Math.max(o.y, min), max));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed.at(-1) ?? min) - max;
  if (overflow > 0) {
    placed[placed.length - 1] = max;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/** Text anchor that keeps a label centred on `x` inside [left, right] where it fits, else flush with the edge. */
export function anchorWithin(x: number, width: number, left: number, right: number): 'start' | 'middle' | 'end' {
  if (x - width / 2 < left) return 'start';
  if (x + width / 2 > right) return 'end';
  return 'middle';
}

/** Horizontal extent of a label drawn at `x` with `anchor`. */
export function extent(x: number, width: number, anchor: 'start' | 'middle' | 'end'): [number, number] {
  if (anchor === 'start') return [x, x + width];
  if (anchor === 'end') return [x - width, x];
  return [x - width / 2, x + width / 2];
}

/**
 * Lifts labels that would overlap an earlier one (same row, overlapping extents) by one line at a
 * time. Returns the new baselines in input order.
 */
export function stackUp(labels: readonly { readonly x: [number, number]; readonly y: number }[], lineHeight: number): number[] {
  const placed: { x: [number, number]; y: number }[] = [];
  return labels.map((l) => {
    let y = l.y;
    const clash = () => placed.some((p) => p.x[0] < l.x[1] + 4 && l.x[0] < p.x[1] + 4 && Math.abs(p.y - y) < lineHeight);
    while (clash()) y -= lineHeight;
    placed.push({ x: l.x, y });
    return y;
  });
}
