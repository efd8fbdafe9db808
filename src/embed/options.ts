/** What a host may ask of an embed in its address; anything else is ignored, and nothing is ever written into the page. */
export interface EmbedOptions {
  /** The step to open at: one of the chart's step ids. */
  readonly step: string | undefined;
  readonly theme: 'light' | 'dark' | undefined;
  /** pym.js's id for this frame (it names the frame in the height messages). */
  readonly childId: string | undefined;
}

const CHILD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads ?step=, ?theme= and ?childId= (and a #step-id) against the values they may take. */
export function readOptions(url: URL, stepIds: readonly string[]): EmbedOptions {
  const q = url.searchParams;
  const known = (s: string | null) => (s !== null && stepIds.includes(s) ? s : undefined);
  const theme = q.get('theme');
  const childId = q.get('childId');
  return {
    step: known(q.get('step')) ?? known(decodeURIComponent(url.hash.slice(1))),
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    childId: childId !== null && CHILD_ID.test(childId) ? childId : undefined,
  };
}
