import { embedSrc, snippet, type SnippetOptions, type SnippetTargets } from '../embed/snippet';

/**
 * The story's Embed panels: the options rewrite the code, the preview shows the chart as a host would (sized
 * by its height messages), and the copy button copies the code and says so. The preview loads only when the
 * panel is opened.
 */
export function mountEmbedPanels(root: ParentNode): void {
  for (const panel of root.querySelectorAll<HTMLDetailsElement>('[data-embed-panel]')) {
    // Addresses relative to the story, made absolute from where the page is served (the story sits at the site's base).
    const relative = JSON.parse(panel.dataset['targets'] ?? '{}') as SnippetTargets;
    const at = (path: string) => new URL(path, document.baseURI).href;
    const targets: SnippetTargets = { page: at(relative.page), pym: at(relative.pym), host: at(relative.host), title: relative.title };
    const code = panel.querySelector<HTMLTextAreaElement>('[data-embed-code]');
    const status = panel.querySelector<HTMLElement>('[data-embed-status]');
    const copy = panel.querySelector<HTMLButtonElement>('[data-embed-copy]');
    const preview = panel.querySelector<HTMLElement>('[data-embed-preview]');
    if (!code || !copy || !preview) continue;
    let frame: HTMLIFrameElement | undefined;
    const createFrame = (): HTMLIFrameElement => {
      const created = preview.appendChild(Object.assign(document.createElement('iframe'), { title: targets.title }));
      // Attached after the blank page's own load (appending fires it): this hears the chart's page arrive.
      created.addEventListener('load', () => created.removeAttribute('tabindex'));
      return created;
    };

    const options = (): SnippetOptions => ({
      variant: panel.querySelector<HTMLInputElement>('[data-embed-variant]:checked')?.value === 'iframe' ? 'iframe' : 'pym',
      theme: (panel.querySelector<HTMLSelectElement>('[data-embed-theme]')?.value as SnippetOptions['theme']) || 'auto',
      step: panel.querySelector<HTMLSelectElement>('[data-embed-step]')?.value || undefined,
      height: Number(panel.querySelector<HTMLInputElement>('[data-embed-height]')?.value) || 640,
    });
    const update = () => {
      const o = options();
      code.value = snippet(targets, o);
      if (status) status.textContent = '';
      if (panel.open) {
        frame ??= createFrame();
        frame.setAttribute('width', '100%');
        frame.setAttribute('height', String(o.height));
        const src = embedSrc(targets.page, o);
        if (frame.src !== src) {
          // Out of the Tab order while its page loads: a frame still loading would take focus and show no ring
          // (neither the frame, focused from outside, nor its blank page draws one). Tab enters it once it has loaded.
          frame.tabIndex = -1;
          frame.src = src;
        }
      }
    };
    panel.addEventListener('input', update);
    panel.addEventListener('toggle', update);
    // The preview takes the height its chart reports, as a host with our host script would.
    window.addEventListener('message', (event) => {
      const data = event.data as { context?: string; height?: unknown } | null;
      if (!frame || event.source !== frame.contentWindow || data?.context !== 'iframe.resize') return;
      const height = Number(data.height);
      if (height > 0 && height < 100_000) frame.setAttribute('height', String(Math.ceil(height)));
    });
    copy.addEventListener('click', async () => {
      let done = false;
      try {
        await navigator.clipboard.writeText(code.value);
        done = true;
      } catch {
        code.select();
        done = document.execCommand('copy');
      }
      if (status) status.textContent = done ? (copy.dataset['done'] ?? '') : '';
    });
  }
}
