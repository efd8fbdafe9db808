// Test-only: served as /__engine-recorder.js and injected by tests/engines/run.mjs as the first child
// of <head> in a copy of dist/ (same origin, so the page's CSP `script-src 'self'` allows it). Records
// into window.__engineErrors what a reader's console would show, the same way in every engine:
// uncaught errors, unhandled rejections, console.error calls, CSP violations and failed loads of
// <img>, <script> and <link> (their error events do not bubble: caught on window in the capture phase).
(() => {
  /** @type {{ kind: string, detail: string, at: string }[]} */
  const errors = [];
  Object.defineProperty(window, '__engineErrors', { value: errors, enumerable: false });
  const text = (value) => {
    if (value instanceof Error) return value.stack || `${value.name}: ${value.message}`;
    if (typeof value === 'object' && value !== null) {
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    }
    return String(value);
  };
  const push = (kind, detail) =>
    errors.push({
      kind,
      detail: detail.slice(0, 500),
      at: `${location.pathname}${location.search}${location.hash}, scrollY ${Math.round(window.scrollY)}`,
    });

  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target instanceof Element) {
        const url = target.getAttribute('src') ?? target.getAttribute('href') ?? '';
        push('failed load', `<${target.tagName.toLowerCase()}> ${url}`);
      } else {
        push('error', `${event.message} (${event.filename}:${event.lineno}:${event.colno})${event.error ? ` ${text(event.error)}` : ''}`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => push('unhandled rejection', text(event.reason)));
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      push(
        'CSP violation',
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      ),
    true,
  );
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    push('console.error', args.map(text).join(' '));
    consoleError(...args);
  };
})();
