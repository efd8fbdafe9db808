/*
 * Fentanyl's long road: the host script for hosts without pym.js. Include it once on a page that has
 * <iframe data-ox-embed src="…/embed/<chart>/"> elements; each frame then takes the height its chart reports.
 * It sizes only the frame whose window sent the message, and only when the message comes from that
 * frame's origin (or from a sandboxed frame, whose origin is "null").
 */
(function () {
  'use strict';
  if (window.oxEmbedHost) return;
  window.oxEmbedHost = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    var height = data && typeof data === 'object' && data.context === 'iframe.resize' ? Number(data.height) : NaN;
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll('iframe[data-ox-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, window.location.href).origin;
      } catch {
        return;
      }
      var sandboxed = frame.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(frame.getAttribute('sandbox') || '');
      if (event.origin !== origin && !(sandboxed && event.origin === 'null')) return;
      frame.height = String(Math.ceil(height));
      return;
    }
  });
})();
