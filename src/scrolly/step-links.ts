import { stepAddress } from './deep-link';

/**
 * The link controls of the step cards: the device's share sheet where there is one (phones), else the
 * step's address is copied, and a note says so. Without JavaScript each is an ordinary #anchor link.
 */
export function mountStepLinks(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-step-link]')) {
    const status = link.nextElementSibling?.matches('[data-step-link-status]') ? (link.nextElementSibling as HTMLElement) : undefined;
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const url = new URL(stepAddress(window.location.href, link.hash.slice(1)));
      const title = link.closest('[data-step]')?.getAttribute('data-title') ?? document.title;
      if (typeof navigator.share === 'function' && window.matchMedia('(pointer: coarse)').matches) {
        try {
          await navigator.share({ title, url: url.href });
          return;
        } catch (error) {
          // Dismissed by the reader: nothing more to do. Refused (no permission): copy instead.
          if (error instanceof DOMException && error.name === 'AbortError') return;
        }
      }
      let copied = false;
      try {
        await navigator.clipboard.writeText(url.href);
        copied = true;
      } catch {
        copied = false;
      }
      if (status) {
        status.textContent = copied ? (link.dataset['copied'] ?? '') : url.href;
        window.setTimeout(() => (status.textContent = ''), 4000);
      }
    });
  }
}
