/**
 * Which step an address names: `#<step-id>`, percent-encoding undone (a link pasted from a chat app may
 * come encoded); -1 for anything else (no hash, another anchor, a malformed escape).
 */
export function stepFromHash(hash: string, ids: readonly string[]): number {
  if (!hash.startsWith('#') || hash.length < 2) return -1;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return -1;
  }
  return ids.indexOf(id);
}

/** The address for a step: the page's own, its query and hash replaced by the step's (`?mode=`… is a reader's, not the step's). */
export function stepAddress(href: string, stepId: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = stepId;
  return url.href;
}
