import { describe, expect, it } from 'vitest';
import { deathRows, realOverdoseData } from '../../../tests/unit/fixtures';
import type { Mark } from '../shared/marks';
import { SIZES } from '../types';
import { peakOf, seriesById } from './data';
import { describe as describeScene } from './describe';
import { frame } from './frame';
import { OVERDOSE_SCENES, type OverdoseScene } from './scenes';

const data = realOverdoseData();
const sized = (name: string) => {
  const size = SIZES.find((s) => s.name === name);
  if (!size) throw new Error(`no size ${name}`);
  return size;
};
const [compact, wide] = [sized('compact'), sized('wide')];
const keys = (scene: OverdoseScene, size = wide) => frame(data, scene, size).marks.map((m) => m.key);
const mark = (scene: OverdoseScene, key: string, size = wide): Mark | undefined =>
  frame(data, scene, size).marks.find((m) => m.key === key);
const texts = (scene: OverdoseScene, size = wide) =>
  frame(data, scene, size)
    .marks.filter((m) => m.tag === 'text')
    .map((m) => m.text);

describe('overdoseData', () => {
  it('uses final counts where they exist and flags provisional ones, never superseded rows', () => {
    const total = seriesById(data, 'total');
    expect(total.points.find((p) => p.year === 2023)).toEqual({ year: 2023, value: 105_007, provisional: false });
    expect(total.points.find((p) => p.year === 2024)).toEqual({ year: 2024, value: 79_384, provisional: false });
    // A provisional count says which release it comes from.
    expect(seriesById(data, 'synthetic_opioids').points.at(-1)).toEqual({
      year: 2024,
      value: 48_422,
      provisional: true,
      release: '2025-05',
    });
  });

  it('matches content/data/overdose-deaths.csv for every final figure, and leaves gaps where the file has none', () => {
    for (const row of deathRows().filter((r) => r.status === 'final')) {
      for (const s of data.series) {
        const point = s.points.find((p) => p.year === row.year);
        if (row[s.id] === undefined) expect(point?.provisional ?? true).toBe(true);
        else expect(point?.value).toBe(row[s.id]);
      }
    }
    expect(seriesById(data, 'heroin').points.map((p) => p.year)).not.toContain(2018);
  });

  it('calls a final figure the peak, never a provisional one', () => {
    expect(peakOf(seriesById(data, 'total'))).toMatchObject({ year: 2022, value: 107_941 });
    expect(peakOf(seriesById(data, 'synthetic_opioids'))).toMatchObject({ year: 2022, value: 73_838 });
  });
});

describe('frame(data, scene, size)', () => {
  it('is pure: the same input gives the same frame', () => {
    for (const scene of OVERDOSE_SCENES) expect(frame(data, scene, compact)).toEqual(frame(data, scene, compact));
  });

  it('keeps every key unique within a frame', () => {
    for (const size of SIZES) for (const scene of OVERDOSE_SCENES) expect(new Set(keys(scene, size)).size).toBe(keys(scene, size).length);
  });

  it("frame('axes') draws axes and no series, so the first line can draw in", () => {
    expect(keys('axes').some((k) => k.startsWith('line:'))).toBe(false);
    expect(keys('axes')).toContain('y-grid:0');
  });

  it("frame('total') draws the total alone, drawing in, on a domain that fits its peak", () => {
    expect(keys('total').filter((k) => k.startsWith('line:'))).toEqual(['line:total']);
    expect(mark('total', 'line:total')?.enter).toBe('draw');
    expect(keys('total')).toContain('y-label:120000');
    expect(keys('total')).not.toContain('y-label:140000');
  });

  it("frame('wave-prescription') zooms to the first two waves and clips synthetic opioids", () => {
    expect(keys('wave-prescription')).toContain('y-label:20000');
    expect(keys('wave-prescription')).not.toContain('y-label:40000');
    expect(mark('wave-prescription', 'line:synthetic_opioids')).toMatchObject({ clip: true, attrs: { opacity: 0.3 } });
    expect(mark('wave-prescription', 'line:prescription_opioids_incl_methadone')?.attrs).not.toHaveProperty('opacity');
    expect(texts('wave-prescription')).toContain('Wave 1: Prescription opioids, 1999');
  });

  it('annotates each wave with its start year, in turn', () => {
    expect(keys('wave-heroin').filter((k) => k.endsWith(':text') && k.startsWith('wave:'))).toEqual(['wave:1:text', 'wave:2:text']);
    expect(texts('wave-synthetic')).toContain('Wave 3: Synthetic opioids, 2013');
    expect(texts('wave-synthetic', compact)).toContain('Wave 3 · 2013');
  });

  it('lifts wave labels that would overlap', () => {
    const labels = frame(data, 'wave-synthetic', compact).marks.filter((m) => m.key.startsWith('wave:') && m.tag === 'text');
    const ys = labels.map((m) => Number(m.attrs['y']));
    expect(new Set(ys).size).toBeGreaterThan(1);
  });

  it("frame('surge') calls out the start and the peak of synthetic opioids", () => {
    expect(texts('surge')).toEqual(expect.arrayContaining(['3,105 in 2013', '73,838 in 2022, the peak']));
  });

  it("frame('policy') zooms in on the recent years and marks the milestones at their dates, between the yearly points", () => {
    const rule = mark('policy', 'milestone:cooperation-suspended:rule');
    const [x2022, x2024] = ['x-label:2022', 'x-label:2024'].map((k) => Number(mark('policy', k)?.attrs['x']));
    expect(Number(rule?.attrs['x1'])).toBeGreaterThan(x2022!);
    expect(Number(rule?.attrs['x1'])).toBeLessThan(x2024!);
    expect(keys('policy')).not.toContain('x-label:2000');
    expect(keys('explore')).toContain('x-label:2000');
    expect(texts('policy')).toEqual(
      expect.arrayContaining([
        'China bans fentanyl as a class, May 2019',
        'China halts cooperation, Aug 2022',
        'Biden–Xi summit, Nov 2023',
      ]),
    );
    expect(texts('policy', compact)).toEqual(expect.arrayContaining(['May 2019', 'Aug 2022', 'Nov 2023']));
  });

  it("frame('decline') shows the fall, with the provisional count dashed and hollow", () => {
    expect(texts('decline')).toEqual(
      expect.arrayContaining(['107,941 in 2022, the peak', '79,384 in 2024', '48,422 in 2024 (provisional)']),
    );
    expect(mark('decline', 'prov:synthetic_opioids')?.cls).toContain('series-line--provisional');
    expect(mark('decline', 'pdot:synthetic_opioids:2024')?.cls).toContain('series-dot--provisional');
    // The solid line stops at the last final year: it has no point at 2024.
    const solid = String(mark('decline', 'line:synthetic_opioids')?.attrs['d']);
    expect(solid.split(/[ML]/).filter(Boolean)).toHaveLength(2023 - 1999 + 1);
  });

  it('draws a gap, never a guess, where a year has no figure', () => {
    const heroin = String(mark('explore', 'line:heroin')?.attrs['d']);
    expect(heroin.match(/M/g)?.length).toBeGreaterThanOrEqual(1);
    expect(keys('explore')).toContain('dot:heroin:2021');
    expect(keys('explore')).not.toContain('dot:heroin:2018');
  });

  it("frame('explore') reads out every year, with a value or 'no verified figure' for each series", () => {
    const readout = frame(data, 'explore', wide).readout ?? [];
    expect(readout.map((c) => c.label)).toEqual(Array.from({ length: 26 }, (_, i) => String(1999 + i)));
    const y2016 = readout.find((c) => c.key === '2016');
    expect(y2016?.values.map((v) => v.valueLabel)).toEqual(['63,632', '17,087', '15,469', '19,413', '10,375', '7,542']);
    const y2018 = readout.find((c) => c.key === '2018');
    expect(y2018?.values.find((v) => v.group === 'heroin')).toEqual({ group: 'heroin', label: 'Heroin', valueLabel: 'no verified figure' });
    expect(readout.at(-1)?.values.find((v) => v.group === 'synthetic_opioids')?.valueLabel).toBe('48,422 (provisional)');
    expect(frame(data, 'surge', wide).readout).toBeUndefined();
  });

  it('fits every unclipped mark inside its viewBox', () => {
    for (const size of SIZES) {
      for (const scene of OVERDOSE_SCENES) {
        const f = frame(data, scene, size);
        for (const m of f.marks.filter((x) => !x.clip)) {
          for (const a of ['x', 'x1', 'x2', 'cx'] as const) if (a in m.attrs) expect(Number(m.attrs[a])).toBeGreaterThanOrEqual(0);
          for (const a of ['x', 'x1', 'x2', 'cx'] as const) if (a in m.attrs) expect(Number(m.attrs[a])).toBeLessThanOrEqual(size.width);
          for (const a of ['y', 'y1', 'y2', 'cy'] as const) if (a in m.attrs) expect(Number(m.attrs[a])).toBeGreaterThanOrEqual(0);
          for (const a of ['y', 'y1', 'y2', 'cy'] as const) if (a in m.attrs) expect(Number(m.attrs[a])).toBeLessThanOrEqual(size.height);
        }
      }
    }
  });
});

describe('describe(data, scene)', () => {
  it('gives every scene a text alternative built from the data', () => {
    for (const scene of OVERDOSE_SCENES) expect(describeScene(data, scene).length).toBeGreaterThan(40);
    expect(describeScene(data, 'total')).toContain('from 16,849 in 1999 to a peak of 107,941 in 2022, then fell to 79,384 in 2024');
    expect(describeScene(data, 'surge')).toContain('from 3,105 in 2013 to a peak of 73,838 in 2022');
  });
});
