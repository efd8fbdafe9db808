import { describe, expect, it } from 'vitest';
import { assertSourcesResolve } from './loaders';
import { DataError, parseCsv } from './csv';
import { milestoneRow, overdoseDeathRow, overdoseRowKey, type OverdoseDeathRow } from './schemas';

const FILE = 'content/data/overdose-deaths.csv';
const HEADER =
  'year,status,total,prescription_opioids_incl_methadone,heroin,synthetic_opioids,cocaine,psychostimulants,source_ids,confidence,notes,release';
const row = (cells: string) => `${HEADER}\n${cells}\n`;
const deaths = (text: string) => parseCsv<OverdoseDeathRow>(text, { file: FILE, row: overdoseDeathRow, key: overdoseRowKey });

describe('parseCsv(overdose deaths)', () => {
  it('reads a valid row, turning empty cells into gaps', () => {
    const [first] = deaths(row('2018,final,67367,14975,,31335,14666,,S07;S05,verified (total & rate),,'));
    expect(first?.line).toBe(2);
    expect(first?.value).toMatchObject({
      year: 2018,
      total: 67367,
      heroin: undefined,
      synthetic_opioids: 31335,
      source_ids: ['S07', 'S05'],
    });
  });

  it('reads a file with a byte-order mark and CRLF line endings', () => {
    const text = '\uFEFF' + row('1999,final,16849,3442,1960,730,3822,,S12,verified,,').replace(/\n/g, '\r\n');
    const rows = deaths(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toMatchObject({ year: 1999, total: 16849, confidence: 'verified' });
  });

  const rejects: [string, string, RegExp][] = [
    ['an empty file', '', /overdose-deaths\.csv: the file is empty/],
    ['a header with no rows', `${HEADER}\n`, /header but no rows/],
    ['a missing column', 'year,status,total\n1999,final,16849\n', /missing columns .*"heroin"/],
    [
      'a count that is not a number',
      row('2016,final,lots,,,,,,S12,verified,,'),
      /line 2, column "total": expected a whole number.*got "lots"/,
    ],
    [
      'a negative count',
      row('2016,final,-5,,,,,,S12,verified,,'),
      /line 2, column "total": expected a whole number of deaths, 0 or more.*got "-5"/,
    ],
    ['a decimal count', row('2016,final,12.5,,,,,,S12,verified,,'), /column "total"/],
    ['a bad year', row('16,final,1,,,,,,S12,verified,,'), /column "year": expected a four-digit year/],
    ['an unknown status', row('2016,guess,1,,,,,,S12,verified,,'), /column "status": expected "final", "provisional"/],
    [
      'a row not marked verified',
      row('2025,provisional,68632,,,,,,S20,weak (aggregator),,'),
      /column "confidence": only rows marked "verified"/,
    ],
    ['a malformed source id', row('2016,final,1,,,,,,CDC,verified,,'), /column "source_ids": expected source ids/],
    ['a missing source id', row('2016,final,1,,,,,,,verified,,'), /column "source_ids": this cell is required.*empty cell/],
    [
      'a duplicated year',
      `${HEADER}\n2016,final,1,,,,,,S12,verified,,\n2016,final,2,,,,,,S12,verified,,\n`,
      /line 3: duplicate row "2016-final" \(first seen on line 2\)/,
    ],
  ];
  it('keeps several provisional counts of one year apart by their release month', () => {
    const rows = deaths(
      `${HEADER}\n2023,final,105007,,,,,,S02,verified,,\n2023,provisional-superseded,107543,,,,,,S29,verified,,2024-05\n2023,provisional-superseded,110037,,,,,,S17,verified,,2025-05\n`,
    );
    expect(rows.map((r) => overdoseRowKey(r.value))).toEqual([
      '2023-final',
      '2023-provisional-superseded-2024-05',
      '2023-provisional-superseded-2025-05',
    ]);
  });
  rejects.push(
    [
      'a provisional count without its release month',
      row('2024,provisional,80391,,,,,,S17,verified,,'),
      /column "release": a provisional row needs the month CDC released it/,
    ],
    [
      'a release that is not a month',
      row('2024,provisional,80391,,,,,,S17,verified,,May 2025'),
      /column "release": expected the month of the release, YYYY-MM/,
    ],
  );
  it.each(rejects)('rejects %s, naming the file and the row or field', (_, text, message) => {
    expect(() => deaths(text)).toThrow(DataError);
    expect(() => deaths(text)).toThrow(message);
  });
});

describe('parseCsv(milestones)', () => {
  const header = 'id,date,short_label,title,summary,actors,kind,show_on,source_ids,confidence,notes,release';
  const milestones = (cells: string) =>
    parseCsv(`${header}\n${cells}\n`, { file: 'content/data/milestones.csv', row: milestoneRow, key: (r) => r.id });
  it('accepts month-precision and day-precision dates', () => {
    expect(milestones('a,2015-10,,T,S,A,scheduling,,T01,verified,')[0]?.value.date).toBe('2015-10');
    expect(milestones('b,2024-01-30,,T,S,A,meeting,overdoses,T19,verified,')[0]?.value.show_on).toEqual(['overdoses']);
  });
  it.each([['2023-02-30'], ['2023-13-01'], ['30/01/2024'], ['2024']])('rejects the date %s', (date) => {
    expect(() => milestones(`a,${date},,T,S,A,meeting,,T19,verified,`)).toThrow(
      /milestones\.csv, line 2, column "date": expected a real date/,
    );
  });
});

describe('assertSourcesResolve', () => {
  it('names the file, line and the unknown id', () => {
    const rows = [
      { line: 2, value: { source_ids: ['S01'] } },
      { line: 3, value: { source_ids: ['S01', 'S99'] } },
    ];
    expect(() => assertSourcesResolve(FILE, rows, new Set(['S01']))).toThrow(
      /overdose-deaths\.csv, line 3, column "source_ids": unknown source id S99/,
    );
    expect(() => assertSourcesResolve(FILE, rows.slice(0, 1), new Set(['S01']))).not.toThrow();
  });
});
