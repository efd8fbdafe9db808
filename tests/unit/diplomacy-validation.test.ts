import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenes } from '../../src/charts/diplomacy/data';
import { SCENES, type SceneSpec } from '../../src/charts/diplomacy/scenes';
import { parseCsv } from '../../src/data/csv';
import { milestoneRow, quoteRow } from '../../src/data/schemas';
import { realDiplomacyData } from './diplomacy-fixtures';

const EVENTS = 'content/data/milestones.csv';
const QUOTES = 'content/data/quotes.csv';
const header = readFileSync(EVENTS, 'utf8').split('\n')[0]!;
const quoteHeader = readFileSync(QUOTES, 'utf8').split('\n')[0]!;
const event = (date: string, kind = 'meeting') => `${header}\nsome-event,${date},,A title,A summary.,Someone,${kind},,T19,verified,\n`;
const parseEvents = (text: string) => parseCsv(text, { file: EVENTS, row: milestoneRow, key: (r) => r.id });

describe('bad input fails the build, naming the file and the row', () => {
  it.each([
    ['an impossible day', '2023-02-30'],
    ['a month that does not exist', '2023-13'],
    ['a date written another way', '15/11/2023'],
  ])('an event with %s', (_, date) => {
    expect(() => parseEvents(event(date))).toThrow(
      `${EVENTS}, line 2, column "date": expected a real date written YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(date)}).`,
    );
  });
  it('accepts a date known only to the month, and one known to the day', () => {
    expect(parseEvents(event('2019-05'))[0]?.value.date).toBe('2019-05');
    expect(parseEvents(event('2024-02-29'))[0]?.value.date).toBe('2024-02-29');
  });
  it('an event of an unknown kind', () => {
    expect(() => parseEvents(event('2024-01-30', 'treaty'))).toThrow(new RegExp(`^${EVENTS}, line 2, column "kind": `));
  });
  it('an event the research does not mark verified', () => {
    expect(() => parseEvents(event('2023-11-16').replace(',verified,', ',memory-level (single Chinese-official claim),'))).toThrow(
      /line 2, column "confidence": only rows marked "verified"/,
    );
  });
  it('a quote without a source', () => {
    const text = `${quoteHeader}\nwang-x,Words.,Wang Xiaohong,State Councilor,2024-01-30,AFP,English rendering by AFP,,,verified,\n`;
    expect(() => parseCsv(text, { file: QUOTES, row: quoteRow, key: (r) => r.id })).toThrow(
      `${QUOTES}, line 2, column "source_ids": this cell is required (got an empty cell).`,
    );
  });
  it('a scene that names an event the data does not have', () => {
    const spec: SceneSpec = {
      window: { all: ['2023-05', '2024-04'] },
      emphasis: ['woodside-summit', 'woodside-sumit'],
      events: true,
      explore: false,
    };
    expect(() => checkScenes({ woodside: spec }, realDiplomacyData().events)).toThrow(
      'src/charts/diplomacy/scenes.ts, scene "woodside": names event "woodside-sumit", which content/data/milestones.csv does not have (or not as a verified row).',
    );
  });
  it('a scene whose event lies outside its window (at some size)', () => {
    const spec: SceneSpec = {
      window: { all: ['2023-05', '2024-04'], compact: ['2023-12', '2024-04'] },
      emphasis: ['woodside-summit'],
      events: true,
      explore: false,
    };
    expect(() => checkScenes({ woodside: spec }, realDiplomacyData().events)).toThrow(
      /scenes\.ts, scene "woodside": event "woodside-summit" \(2023-11-15\) is outside the scene's compact window/,
    );
  });
});

describe('the real events and scenes', () => {
  const data = realDiplomacyData();
  it('every scene names only events that exist, inside its windows', () => {
    expect(() => checkScenes(SCENES, data.events)).not.toThrow();
  });
  it('the timeline stops at the Supreme Court’s ruling of 20 February 2026 (later outcomes are unverified)', () => {
    expect(data.events.at(-1)).toMatchObject({ id: 'supreme-court-ruling', iso: '2026-02-20' });
  });
  it('keeps the rows "The toll" marks, as they were', () => {
    const rows = parseEvents(readFileSync(EVENTS, 'utf8')).map((r) => r.value);
    const toll = rows.filter((r) => r.show_on?.includes('overdoses')).map((r) => [r.id, r.date, r.short_label]);
    expect(toll).toEqual([
      ['class-wide-scheduling', '2019-05-01', 'China bans fentanyl as a class'],
      ['cooperation-suspended', '2022-08-05', 'China halts cooperation'],
      ['woodside-summit', '2023-11-15', 'Biden–Xi summit'],
    ]);
    expect(rows.find((r) => r.id === 'working-group-launch')).toMatchObject({ date: '2024-01-30', short_label: 'Working group meets' });
  });
  it('every event has a short label for the chart', () => {
    const rows = parseEvents(readFileSync(EVENTS, 'utf8')).map((r) => r.value);
    expect(rows.filter((r) => !r.short_label).map((r) => r.id)).toEqual([]);
  });
});
