import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { csvLoader } from '../../src/data/loaders';
import { overdoseDeathRow, overdoseRowKey } from '../../src/data/schemas';
import { storyLoader } from '../../src/data/story-loader';
import { storySection } from '../../src/data/story-schema';

/** The parts of Astro's loader context the loaders use; parseData runs the collection schema as Astro does. */
function context(schema: { parseAsync: (d: unknown) => Promise<unknown> }) {
  const entries = new Map<string, unknown>();
  const ctx = {
    store: { clear: () => entries.clear(), set: ({ id, data }: { id: string; data: unknown }) => entries.set(id, data) },
    parseData: async ({ data }: { data: unknown }) => schema.parseAsync(data),
  } as unknown as LoaderContext;
  return { ctx, entries };
}

const HEADER =
  'year,status,total,prescription_opioids_incl_methadone,heroin,synthetic_opioids,cocaine,psychostimulants,source_ids,confidence,notes,release';

describe('csvLoader (the build step that loads content/data)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ox-data-'));
  const load = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const { ctx, entries } = context(overdoseDeathRow);
    const loader = csvLoader({ file, row: overdoseDeathRow, key: overdoseRowKey, cites: (r) => r.source_ids });
    return { run: () => loader.load(ctx), entries, file };
  };

  it('stores one typed entry per row', async () => {
    const { run, entries } = load('ok.csv', `${HEADER}\n2016,final,63632,17087,15469,19413,10375,7542,S12;S08,verified,,\n`);
    await run();
    expect(entries.get('2016-final')).toMatchObject({ year: 2016, total: 63632, source_ids: ['S12', 'S08'] });
  });

  it('fails on a source id that content/data/sources.csv does not list, naming file and line', async () => {
    const { run, file } = load('unknown-source.csv', `${HEADER}\n2016,final,63632,,,,,,S12;X77,verified,,\n`);
    await expect(run()).rejects.toThrow(`${file}, line 2, column "source_ids": unknown source id X77`);
  });

  it('fails on a bad cell, naming file, line and column', async () => {
    const { run, file } = load('bad.csv', `${HEADER}\n2016,final,63632,,,,,,S12,verified,,\n2017,final,7O237,,,,,,S12,verified,,\n`);
    await expect(run()).rejects.toThrow(`${file}, line 3, column "total"`);
  });
});

describe('storyLoader (the build step that loads content/story)', () => {
  it('fails when a step asks for a scene its chart does not have, naming the file and the step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ox-story-'));
    writeFileSync(
      join(dir, '01-toll.md'),
      '---\nid: toll\ntitle: T\nchart: overdoses\nfigure:\n  title: T\n  note: N\n---\n\n:::step{#peak state="surge"}\n### P\nA\n:::\n\n:::step{#late state="decilne"}\n### L\nB\n:::\n',
    );
    const { ctx } = context(storySection);
    await expect(storyLoader(dir).load(ctx)).rejects.toThrow(/01-toll\.md: .*step "#late" \(line 15\) asks for state "decilne"/s);
  });

  it('fails when two sections reuse a step id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ox-story-'));
    const section = (id: string) =>
      `---\nid: ${id}\ntitle: T\nchart: overdoses\nfigure:\n  title: T\n  note: N\n---\n\n:::step{#same state="total"}\n### H\nA\n:::\n`;
    writeFileSync(join(dir, '01-a.md'), section('a'));
    writeFileSync(join(dir, '02-b.md'), section('b'));
    const { ctx } = context(storySection);
    await expect(storyLoader(dir).load(ctx)).rejects.toThrow(/02-b\.md, line 10: step "#same" is already used in .*01-a\.md/);
  });

  it('loads the real story without errors', async () => {
    const { ctx, entries } = context(storySection);
    await storyLoader().load(ctx);
    expect([...entries.keys()]).toEqual(['opening', 'toll', 'pipeline', 'diplomacy', 'about']);
  });
});
