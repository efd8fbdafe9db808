/**
 * When a section pins its chart (story.css, the pinned layout): desktops at least 56rem wide and 35rem
 * tall, and phones and tablets held upright with room for a chart and a card (at least 40rem tall, at most
 * 3:4). Elsewhere every step is followed by its own chart. story.css states the same condition (with
 * `scripting: enabled`); a unit test keeps the two equal.
 */
export const PINNED_MEDIA =
  'screen and (min-width: 56rem) and (min-height: 35rem), screen and (max-width: 55.99rem) and (min-height: 40rem) and (max-aspect-ratio: 3/4)';
