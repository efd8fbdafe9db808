import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { TableModel } from '../../src/charts/shared/table';
import { tableCsv, tableJson, type DownloadMeta } from '../../src/data/downloads';

const table: TableModel = {
  caption: 'Deaths: every figure in the chart',
  columns: ['Year', 'All drugs', 'Synthetic opioids, mainly fentanyl'],
  rows: [
    [
      { text: '2023', value: 2023, header: true },
      { text: '105,007', value: 105007 },
      { text: '–', missing: true },
    ],
    [
      { text: '2024', value: 2024, header: true },
      { text: '80,391', value: 80391 },
      { text: '48,422', value: 48422, provisional: true },
    ],
  ],
  footnotes: ['* Provisional.'],
};
const meta: DownloadMeta = {
  chart: 'overdoses',
  title: 'Deaths',
  story: 'https://example.org/#toll',
  dataAsOf: '2026-01-29',
  checked: '2026-11-29',
  licence: 'CC BY 4.0',
  sources: [
    { source_id: 'S02', organization: 'CDC / NCHS', title: 'Data Brief, "No. 522"', date: '2024-12-19', url: 'https://www.cdc.gov/x' },
  ],
};
const words = { provisional: 'Provisional', sources: 'Sources', dataAsOf: 'Data as of', licence: 'Licence' };

describe('data downloads', () => {
  it('writes the figures unformatted, gaps empty, provisional columns named, and what the file is on every row', () => {
    const rows = csvParse(tableCsv(table, meta, words));
    expect(rows.columns).toEqual([...table.columns, 'Provisional', 'Sources', 'Data as of', 'Licence']);
    expect(rows.map((r) => [r['Year'], r['All drugs'], r['Synthetic opioids, mainly fentanyl'], r['Provisional']])).toEqual([
      ['2023', '105007', '', ''],
      ['2024', '80391', '48422', 'Synthetic opioids, mainly fentanyl'],
    ]);
    for (const r of rows) {
      // Quotes and commas in a source's title survive the round trip.
      expect(r['Sources']).toBe('S02: CDC / NCHS, Data Brief, "No. 522" (2024-12-19) https://www.cdc.gov/x');
      expect(r['Data as of']).toBe('2026-01-29');
      expect(r['Licence']).toBe('CC BY 4.0');
    }
  });

  it('leaves out the provisional column when nothing is provisional', () => {
    const final = { ...table, rows: table.rows.map((r) => r.map((c) => ({ ...c, provisional: false }))) };
    expect(csvParse(tableCsv(final, meta, words)).columns).not.toContain('Provisional');
  });

  it('refuses a table whose own column has the name of a column the download adds (a CSV reader would lose one)', () => {
    const withSources = { ...table, columns: [...table.columns.slice(0, -1), 'Sources'] };
    expect(() => tableCsv(withSources, meta, words)).toThrow(/"Sources" would appear twice/);
  });

  it('gives JSON the same figures with numbers as numbers, and the metadata once', () => {
    const json = tableJson(table, meta);
    expect(json.rows).toEqual([
      { Year: 2023, 'All drugs': 105007, 'Synthetic opioids, mainly fentanyl': null },
      { Year: 2024, 'All drugs': 80391, 'Synthetic opioids, mainly fentanyl': 48422, provisional: ['Synthetic opioids, mainly fentanyl'] },
    ]);
    expect(json.sources).toEqual([
      { id: 'S02', organization: 'CDC / NCHS', title: 'Data Brief, "No. 522"', date: '2024-12-19', url: 'https://www.cdc.gov/x' },
    ]);
    expect([json.dataAsOf, json.checked, json.licence, json.footnotes]).toEqual([
      '2026-01-29',
      '2026-11-29',
      'CC BY 4.0',
      ['* Provisional.'],
    ]);
  });

  it('falls back to a cell’s text when it has no value (words, not figures)', () => {
    const words2 = {
      ...table,
      columns: ['Event', 'Date'],
      rows: [
        [
          { text: 'Woodside summit', header: true },
          { text: '15 Nov 2023', value: '2023-11-15' },
        ],
      ],
    };
    expect(tableJson(words2, meta).rows).toEqual([{ Event: 'Woodside summit', Date: '2023-11-15' }]);
  });
});
