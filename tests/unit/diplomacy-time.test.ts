import { describe, expect, it } from 'vitest';
import { windowOf } from '../../src/charts/diplomacy/data';
import { frame } from '../../src/charts/diplomacy/frame';
import { layoutFor } from '../../src/charts/diplomacy/layout';
import { DIPLOMACY_SCENES, SCENES, type SceneSpec } from '../../src/charts/diplomacy/scenes';
import { axisTicks, eventDateLabel, eventTime, timeScale, windowDomain, yearSpan } from '../../src/charts/diplomacy/time';
import { textWidth } from '../../src/charts/shared/geometry';
import { ri as r1 } from '../../src/charts/diplomacy/layout';
import { SIZES } from '../../src/charts/types';
import { realDiplomacyData } from './diplomacy-fixtures';

const data = realDiplomacyData();
const utc = (y: number, m: number, d = 1, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('eventTime: a date as precise as its source', () => {
  it('puts a date known only to the month in the middle of that month, never on an invented day', () => {
    expect(eventTime('2019-05')).toEqual(new Date((utc(2019, 5).getTime() + utc(2019, 6).getTime()) / 2));
    expect(eventTime('2019-05').toISOString()).toBe('2019-05-16T12:00:00.000Z');
    // A 30-day month's middle is the 16th at midnight; a leap February's is the 15th at noon.
    expect(eventTime('2024-04').toISOString()).toBe('2024-04-16T00:00:00.000Z');
    expect(eventTime('2024-02').toISOString()).toBe('2024-02-15T12:00:00.000Z');
  });
  it('puts a date known to the day in the middle of that day', () => {
    expect(eventTime('2023-11-15')).toEqual(utc(2023, 11, 15, 12));
    expect(eventTime('2024-01-30')).toEqual(utc(2024, 1, 30, 12));
  });
  it('labels a month as a month and a day as a day (Intl, en-US)', () => {
    expect(eventDateLabel('2019-05', 'en-US')).toBe('May 2019');
    expect(eventDateLabel('2023-11-15', 'en-US')).toBe('Nov 15, 2023');
    expect(eventDateLabel('2015-10', 'en-US')).toBe('Oct 2015');
  });
  it('rejects a date that is not written YYYY-MM or YYYY-MM-DD', () => {
    expect(() => eventTime('2019/05/01')).toThrow(/not a date written YYYY-MM or YYYY-MM-DD/);
  });
});

describe('the time scale (d3 scaleUtc) and each scene’s window', () => {
  it('spans a window from the start of its first month to the end of its last', () => {
    expect(windowDomain(['2023-05', '2024-04'])).toEqual([utc(2023, 5), utc(2024, 5)]);
    const x = timeScale(['2015-01', '2026-06'], 8, 332);
    expect(x(utc(2015, 1))).toBe(8);
    expect(x(utc(2026, 7))).toBe(332);
  });
  for (const scene of DIPLOMACY_SCENES) {
    const spec: SceneSpec = SCENES[scene];
    it(`${scene}: the axis spans the scene's window at each size`, () => {
      for (const size of SIZES) {
        const l = layoutFor(data, spec, size);
        expect(l.x.domain(), size.name).toEqual(windowDomain(windowOf(spec, size)));
        expect(l.x.range()).toEqual([l.x0, l.x1]);
      }
    });
  }
  it('a phone can have a window of its own', () => {
    const compact = SIZES.find((s) => s.name === 'compact')!;
    const wide = SIZES.find((s) => s.name === 'wide')!;
    expect(windowDomain(windowOf(SCENES.deal, compact))[0]).toEqual(utc(2024, 12));
    expect(windowDomain(windowOf(SCENES.deal, wide))[0]).toEqual(utc(2024, 11));
  });
});

describe('events sit at their dates on the axis', () => {
  for (const size of SIZES) {
    it(`${size.name}: a month-only event at mid-month, a dated one at its day`, () => {
      const spec: SceneSpec = SCENES['class-wide'];
      const x = timeScale(windowOf(spec, size), 8, size.width - 8);
      const f = frame(data, 'class-wide', size);
      const cx = (id: string) => Number(f.marks.find((m) => m.key === `ev:${id}`)?.attrs['cx']);
      expect(cx('class-wide-scheduling')).toBe(r1(x(utc(2019, 5, 1, 12))));
      expect(cx('buenos-aires-dinner')).toBe(r1(x(utc(2018, 12, 1, 12))));
      const year2024 = frame(data, 'follow-up', size);
      const px = timeScale(windowOf(SCENES['follow-up'], size), 8, size.width - 8);
      expect(Number(year2024.marks.find((m) => m.key === 'ev:blinken-meets-wang')?.attrs['cx'])).toBe(r1(px(utc(2024, 4, 16))));
    });
  }
  it('every event in a scene’s window is drawn, and none outside it', () => {
    for (const size of SIZES) {
      for (const scene of DIPLOMACY_SCENES) {
        const spec: SceneSpec = SCENES[scene];
        if (!spec.events) continue;
        const [from, to] = windowDomain(windowOf(spec, size));
        const drawn = new Set(
          frame(data, scene, size)
            .marks.filter((m) => m.key.startsWith('ev:'))
            .map((m) => m.key.slice(3)),
        );
        const x = timeScale(windowOf(spec, size), 8, size.width - 8);
        // Events on the very edge of a window (their dot would be cut) stay out.
        const within = data.events.filter((e) => e.at >= from && e.at < to && x(e.at) > 14 && x(e.at) < size.width - 14);
        for (const e of within) expect(drawn.has(e.id), `${scene}/${size.name}: ${e.id}`).toBe(true);
        for (const id of drawn) expect(data.events.find((e) => e.id === id)!.at >= from, `${scene}: ${id}`).toBe(true);
      }
    }
  });
});

describe('the deaths line: annual counts across their calendar years', () => {
  it('draws each final count flat from 1 January to 1 January, stepping between years', () => {
    const size = SIZES.find((s) => s.name === 'wide')!;
    const l = layoutFor(data, SCENES.explore, size);
    const d = String(frame(data, 'explore', size).marks.find((m) => m.key.startsWith('deaths-line:'))?.attrs['d']);
    const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toHaveLength(data.deaths.length * 2);
    data.deaths.forEach(({ year, value }, i) => {
      const [from, to] = yearSpan(year);
      expect(points[2 * i]).toEqual([r1(l.x(from)), r1(l.y(value))]);
      expect(points[2 * i + 1]).toEqual([r1(l.x(to)), r1(l.y(value))]);
    });
    expect(data.deaths.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });
});

describe('axis ticks', () => {
  it('label years over long windows and months over short ones, never a day', () => {
    const long = axisTicks(timeScale(['2015-01', '2026-06'], 8, 332), (t) => textWidth(t, 14.2), 'en-US');
    expect(long.every((t) => t.date.getUTCMonth() === 0 && t.date.getUTCDate() === 1)).toBe(true);
    expect(long.flatMap((t) => t.label ?? [])).toEqual(['2016', '2018', '2020', '2022', '2024', '2026']);
    const short = axisTicks(timeScale(['2023-05', '2024-04'], 8, 332), (t) => textWidth(t, 14.2), 'en-US');
    expect(short.every((t) => t.date.getUTCDate() === 1)).toBe(true);
    expect(short.flatMap((t) => t.label ?? [])).toEqual(['May', 'Jul', 'Sep', 'Nov', '2024', 'Mar']);
  });
});
