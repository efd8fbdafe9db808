/**
 * "The reports, checked" as data (content/data/claims.csv): the real file passes every check, and bad input
 * (an unknown source id, verdict or step, or a section where a step is wanted) fails naming the file and the line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { checkClaims, claimEntry, claimRow, claimsLoader, CLAIMS_FILE, parseVerdict, type ClaimEntry } from '../../src/data/claims';
import { parseCsv } from '../../src/data/csv';
import { realSourceIds, realTargets } from './classroom-fixtures';

const HEADER = 'id,claim,record,source_ids,verdict,step,notes';

/** Runs the loader over `text` as Astro would (parseData = the collection schema), returning the entries. */
async function load(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'ox-claims-')), 'claims.csv');
  writeFileSync(file, text);
  const entries = new Map<string, ClaimEntry>();
  const ctx = {
    store: { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: ClaimEntry }) => entries.set(id, data) },
    parseData: async ({ data }: { data: unknown }) => claimEntry.parseAsync(data),
  } as unknown as LoaderContext;
  await claimsLoader(file).load(ctx);
  return { file, entries: [...entries.values()] };
}

describe('content/data/claims.csv', () => {
  const rows = parseCsv(readFileSync(CLAIMS_FILE, 'utf8'), { file: CLAIMS_FILE, row: claimRow, key: (r) => r.id });

  it('holds every claim of the research (17), each with a verdict of its scale', () => {
    expect(rows).toHaveLength(17);
    for (const { value } of rows) expect(parseVerdict(value.verdict), value.id).toBeDefined();
  });

  it('cites only sources that content/data/sources.csv lists', () => {
    const known = realSourceIds();
    expect(rows.flatMap((r) => r.value.source_ids.filter((id) => !known.has(id)))).toEqual([]);
  });

  it('points every claim at a step of the story', () => {
    const checked = checkClaims(
      rows.map((r) => ({ ...r.value, line: r.line })),
      realTargets(),
    );
    expect(checked.map((c) => c.claim.id)).toEqual(rows.map((r) => r.value.id));
    for (const c of checked) expect(c.target.kind, c.claim.id).toBe('step');
  });
});

describe('parseVerdict()', () => {
  it('reads the scale and the research’s qualifiers', () => {
    expect(parseVerdict('holds')).toEqual({ verdict: 'holds', qualifier: undefined });
    expect(parseVerdict('holds, with a nuance')).toEqual({ verdict: 'holds, with a nuance', qualifier: undefined });
    expect(parseVerdict('holds (translated words)')).toEqual({ verdict: 'holds', qualifier: 'translated words' });
    expect(parseVerdict('attributed (with the data beside it)')).toEqual({ verdict: 'attributed', qualifier: 'with the data beside it' });
  });
  it('rejects anything else', () => {
    for (const v of ['true', 'Holds', 'mostly holds', 'holds,with a nuance', 'contested ()', 'holds (x) (y)'])
      expect(parseVerdict(v), v).toBeUndefined();
  });
});

describe('bad claims fail the build, naming the file and the line', () => {
  const row = (over: Partial<Record<'id' | 'source_ids' | 'verdict' | 'step', string>> = {}) => {
    const r = { id: 'a-claim', source_ids: 'T19', verdict: 'holds', step: 'total', ...over };
    return `${r.id},"A claim, paraphrased.","What the record shows.",${r.source_ids},"${r.verdict}",${r.step},`;
  };

  it('loads good rows with their lines', async () => {
    const { entries } = await load(`${HEADER}\n${row()}\n${row({ id: 'second', verdict: 'holds, with a nuance' })}\n`);
    expect(entries.map((e) => [e.id, e.line, e.source_ids])).toEqual([
      ['a-claim', 2, ['T19']],
      ['second', 3, ['T19']],
    ]);
  });

  it('an unknown source id', async () => {
    await expect(load(`${HEADER}\n${row()}\n${row({ id: 'b', source_ids: 'T19;X99' })}\n`)).rejects.toThrow(
      /claims\.csv, line 3, column "source_ids": unknown source id X99/,
    );
  });

  it('an unknown verdict', async () => {
    await expect(load(`${HEADER}\n${row({ verdict: 'mostly true' })}\n`)).rejects.toThrow(
      /claims\.csv, line 2, column "verdict": expected a verdict of the research’s scale.*\(got "mostly true"\)/,
    );
  });

  it('an unknown step', async () => {
    const { file, entries } = await load(`${HEADER}\n${row()}\n${row({ id: 'b', step: 'the-surge' })}\n`);
    expect(() => checkClaims(entries, realTargets(), file)).toThrow(
      `${file}, line 3, column "step": claim "b" points to "the-surge", which is not a step of the story (its steps: total, `,
    );
  });

  it('a section where a step is wanted', async () => {
    const { file, entries } = await load(`${HEADER}\n${row()}\n${row({ id: 'b', step: 'pipeline' })}\n`);
    expect(() => checkClaims(entries, realTargets(), file)).toThrow(
      `${file}, line 3, column "step": claim "b" points to "pipeline", which is a section, not a step, of the story`,
    );
  });

  it('a duplicate id', async () => {
    await expect(load(`${HEADER}\n${row()}\n${row()}\n`)).rejects.toThrow(/claims\.csv, line 3: duplicate row "a-claim"/);
  });
});
