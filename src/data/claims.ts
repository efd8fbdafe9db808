import { readFile } from 'node:fs/promises';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { DataError, parseCsv } from './csv';
import { assertSourcesResolve, SOURCES_FILE } from './loaders';
import { sourceIds, sourceRow } from './schemas';
import { listTargets, type StoryTarget } from './story-targets';

/**
 * "The reports, checked": the claims the news coverage of the 30 January 2024 meeting made, paraphrased,
 * each beside what the record shows, its sources and a verdict (content/data/claims.csv, copied from the
 * research's claims.md with its verdict scale and its neutral wording).
 */
export const CLAIMS_FILE = 'content/data/claims.csv';

/** The research's scale, in its order: the page styles a claim by the first part of its verdict. */
export const VERDICTS = ['holds', 'holds, with a nuance', 'attributed', 'contested'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A verdict of the scale, optionally with the research's qualifier in brackets: "holds (translated words)". */
const VERDICT_TEXT = new RegExp(
  `^(${VERDICTS.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?: \\(([a-z][a-z ,-]*)\\))?$`,
);

export interface ParsedVerdict {
  readonly verdict: Verdict;
  /** The research's qualifier, e.g. "translated words", or undefined. */
  readonly qualifier: string | undefined;
}

/** "holds, with a nuance" → { verdict: 'holds, with a nuance' }; "holds (translated words)" → holds + qualifier. */
export function parseVerdict(text: string): ParsedVerdict | undefined {
  const m = VERDICT_TEXT.exec(text);
  if (!m) return undefined;
  return { verdict: m[1] as Verdict, qualifier: m[2] };
}

/** A CSS-safe slug of a verdict: "holds, with a nuance" → "nuance". */
export const verdictSlug = (v: Verdict): string =>
  ({ holds: 'holds', 'holds, with a nuance': 'nuance', attributed: 'attributed', contested: 'contested' })[v];

const cell = z.string({ error: 'this cell is required' });

export const claimRow = z.object({
  /** The claim's anchor on /checked/ (#claim-<id>). */
  id: cell.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase id with dashes'),
  /** The claim, paraphrased (never the report's own sentence). */
  claim: cell,
  /** What the record shows, in the research's words. */
  record: cell,
  source_ids: sourceIds,
  /** Exactly the research's scale, with its qualifier in brackets where it gives one. */
  verdict: cell.refine((v) => parseVerdict(v) !== undefined, {
    message: `expected a verdict of the research’s scale (${VERDICTS.join(' / ')}), optionally followed by a qualifier in brackets, e.g. "holds (translated words)"`,
  }),
  /** The step of the story where the evidence is drawn: a step id (checked against the story at build). */
  step: cell.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a step id of the story'),
  /** For editors (where in the research the row comes from); not shown. */
  notes: z.string().optional(),
});
export type ClaimRow = z.infer<typeof claimRow>;

/** The collection's entries: a row and the line of the file it came from (the step check at build names it). */
export const claimEntry = claimRow.extend({ line: z.number().int() });
export type ClaimEntry = z.infer<typeof claimEntry>;

async function knownSourceIds(): Promise<Set<string>> {
  const rows = parseCsv(await readFile(SOURCES_FILE, 'utf8'), { file: SOURCES_FILE, row: sourceRow, key: (r) => r.source_id });
  return new Set(rows.map((r) => r.value.source_id));
}

/**
 * The claims collection: csvLoader's checks (every cell, duplicate ids, every source id in sources.csv, each
 * failure naming the file and line), and each entry keeps its line, in file order.
 */
export function claimsLoader(file = CLAIMS_FILE): Loader {
  return {
    name: 'claims-loader',
    async load({ store, parseData, watcher }: LoaderContext) {
      const rows = parseCsv(await readFile(file, 'utf8'), { file, row: claimRow, key: (r) => r.id });
      assertSourcesResolve(file, rows, await knownSourceIds());
      store.clear();
      for (const { raw, value, line } of rows) store.set({ id: value.id, data: await parseData({ id: value.id, data: { ...raw, line } }) });
      watcher?.add(file);
    },
  };
}

/**
 * Every claim's step is a step of the story being built (a reader follows it to the step that shows the
 * evidence, not to the top of a section); fails naming the file, the line and the claim otherwise. Returns
 * the claims in file order with their targets.
 */
export function checkClaims(
  claims: readonly ClaimEntry[],
  targets: ReadonlyMap<string, StoryTarget>,
  file = CLAIMS_FILE,
): { claim: ClaimEntry; verdict: ParsedVerdict; target: StoryTarget }[] {
  return [...claims]
    .sort((a, b) => a.line - b.line)
    .map((claim) => {
      const target = targets.get(claim.step);
      if (!target || target.kind !== 'step') {
        const steps = new Map([...targets].filter(([, t]) => t.kind === 'step'));
        const what = target ? 'a section, not a step,' : 'not a step';
        throw new DataError(
          `${file}, line ${claim.line}, column "step": claim "${claim.id}" points to "${claim.step}", which is ${what} of the story (its steps: ${listTargets(steps)}).`,
        );
      }
      const verdict = parseVerdict(claim.verdict);
      if (!verdict) throw new DataError(`${file}, line ${claim.line}, column "verdict": unknown verdict "${claim.verdict}".`);
      return { claim, verdict, target };
    });
}
