import { fill, formatCount, formatDate } from '../shared/format';
import type { TableCell, TableModel } from '../shared/table';
import type { PipelineData } from './data';
import { STAGE_IDS, type StageId } from './schemas';

/**
 * The map as a table, stage by stage: each stage's facts and places (with why each is on the map), then the
 * precursor chemicals and when each came under control, then CBP's seizures by fiscal year. Every row
 * names its sources.
 */
export function pipelineTable(data: PipelineData, caption: string): TableModel {
  const { strings, locale } = data;
  const t = strings.table;
  const ids = (s: readonly string[]) => ({ text: s.join(', ') });
  const rows: TableCell[][] = [];
  const stageOrder = (s: StageId) => STAGE_IDS.indexOf(s);
  for (const stage of [...STAGE_IDS].sort((a, b) => stageOrder(a) - stageOrder(b))) {
    const head = { text: strings.stages[stage], header: true };
    for (const p of data.places.filter((x) => x.stage === stage)) {
      rows.push([head, { text: p.area ? fill(t.placeName, { name: p.name, area: p.area }) : p.name }, { text: p.role }, ids(p.sourceIds)]);
    }
    for (const f of data.facts.filter((x) => x.stage === stage)) rows.push([head, { text: '' }, { text: f.text }, ids(f.source_ids)]);
    if (stage === 'streets') {
      rows.push([
        head,
        { text: String(data.deaths.year) },
        {
          text: fill(strings.deathsFact, { deaths: formatCount(data.deaths.value, locale), year: data.deaths.year }),
          value: data.deaths.value,
        },
        ids(data.deaths.sourceIds),
      ]);
    }
  }
  for (const c of data.precursors) {
    const un = formatDate(c.un_control, locale, 'day');
    const text = c.china_control
      ? fill(t.precursor, { un, china: formatDate(c.china_control, locale, 'day'), what: c.what })
      : fill(t.precursorChinaPending, { un, china: c.china_note ?? '–', what: c.what });
    rows.push([{ text: t.precursorsStage, header: true }, { text: c.chemical }, { text }, ids(c.source_ids)]);
  }
  for (const s of data.seizures) {
    const text = s.pounds === undefined ? t.seizurePartial : fill(t.seizure, { pounds: formatCount(s.pounds, locale) });
    rows.push([
      { text: t.seizuresStage, header: true },
      { text: s.fiscalYear },
      { text, ...(s.pounds === undefined ? { missing: true } : { value: s.pounds }) },
      ids(s.sourceIds),
    ]);
  }
  return { caption, columns: t.columns, rows, footnotes: [t.footnote] };
}
