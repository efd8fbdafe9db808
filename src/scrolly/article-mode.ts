export type ReadingMode = 'scroll' | 'article';
const KEY = 'ox-reading-mode';

/** The mode asked for by the URL (`?mode=article`, shareable), else the reader's last choice. */
export function initialMode(url: URL, storage: Pick<Storage, 'getItem'> | undefined): ReadingMode {
  const asked = url.searchParams.get('mode');
  if (asked === 'article' || asked === 'scroll') return asked;
  try {
    return storage?.getItem(KEY) === 'article' ? 'article' : 'scroll';
  } catch {
    return 'scroll';
  }
}

/** Remembers the choice and reflects it in the address bar, so a teacher can share the link. */
export function persistMode(mode: ReadingMode, storage: Pick<Storage, 'setItem'> | undefined): void {
  try {
    storage?.setItem(KEY, mode);
  } catch {
    // Private browsing may refuse storage; the URL still carries the mode.
  }
  const url = new URL(window.location.href);
  if (mode === 'article') url.searchParams.set('mode', 'article');
  else url.searchParams.delete('mode');
  history.replaceState(history.state, '', url);
}
