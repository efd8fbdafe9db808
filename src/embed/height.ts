/**
 * Tells the host page how tall the embed is, in every dialect hosts understand: NPR's pym.js
 * (`pymxPYMx<childId>xPYMxheightxPYMx<px>`), AMP's `embed-size` for amp-iframe, and the generic
 * `iframe.resize` JSON of Medium/Embedly-style hosts. Sent whenever the height changes (a ResizeObserver),
 * when the frame is resized, after the fonts load, and when asked (after a state change). Heights only:
 * nothing from the host is read.
 */
export function reportHeight(childId: string | undefined): { send(): void; disconnect(): void } {
  let last = -1;
  const post = (message: unknown) => {
    try {
      window.parent.postMessage(message, '*');
    } catch {
      // Not framed, or the host refuses messages: nothing to size.
    }
  };
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    if (childId) post(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
    post({ sentinel: 'amp', type: 'embed-size', height });
    post({ context: 'iframe.resize', src: window.location.href, height });
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(document.documentElement);
  observer.observe(document.body);
  // The host resizing the frame can change the layout (a scrollbar goes, lines rewrap): measure again.
  window.addEventListener('resize', send);
  void document.fonts.ready.then(send);
  window.addEventListener('load', send);
  send();
  return { send, disconnect: () => observer.disconnect() };
}
