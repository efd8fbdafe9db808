import type { Segment } from '../shared/geometry';
import { toBase, type LonLat } from './camera';
import type { Land } from './geo';
import type { CountryCode, FactRow, FlowKind, FlowRow, PlaceRow, PrecursorRow, SeizureRow, StageId } from './schemas';
import type { PipelineStrings } from './strings';

export interface Place {
  readonly id: string;
  readonly name: string;
  readonly area?: string;
  /** What the map writes beside it. */
  readonly label: string;
  readonly stage: StageId;
  readonly lonLat: LonLat;
  /** Base coordinates (camera.ts). */
  readonly base: readonly [number, number];
  readonly role: string;
  readonly sourceIds: readonly string[];
}

export interface Flow {
  readonly id: string;
  readonly kind: FlowKind;
  readonly stage: StageId;
  readonly from: string;
  readonly to: string;
  /** Start and end, in base coordinates (a place, or the middle of a country). */
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  /** Ends at a country's middle rather than a place: no dot there, and the arrow stops at the point itself. */
  readonly toCountry: boolean;
  readonly bend: number;
  readonly sourceIds: readonly string[];
}

export interface Seizure {
  readonly fiscalYear: string;
  /** 2023 for FY2023. */
  readonly year: number;
  /** Undefined for a partial year, which is never drawn as a year. */
  readonly pounds?: number;
  readonly partial: boolean;
  readonly sourceIds: readonly string[];
}

/** A count from "The toll" that the map repeats (the same figure, from the same file). */
export interface Deaths {
  readonly value: number;
  readonly year: number;
  readonly sourceIds: readonly string[];
}

/** Everything the map draws, joined and typed: the chart's only input. */
export interface PipelineData {
  readonly locale: string;
  readonly strings: PipelineStrings;
  readonly places: readonly Place[];
  readonly flows: readonly Flow[];
  readonly facts: readonly FactRow[];
  readonly precursors: readonly PrecursorRow[];
  /** Every fiscal year of the file, ascending, partial ones included (the inset draws only whole years). */
  readonly seizures: readonly Seizure[];
  readonly deaths: Deaths;
  /** The borders between countries and the US–Mexico border, in base coordinates (labels keep clear of them). */
  readonly borders: readonly Segment[];
  readonly usMexico: readonly Segment[];
  /** The middle of each country's largest piece of land, in base coordinates. */
  readonly anchors: Readonly<Record<CountryCode, readonly [number, number]>>;
}

export interface PipelineRows {
  readonly places: readonly PlaceRow[];
  readonly flows: readonly FlowRow[];
  readonly facts: readonly FactRow[];
  readonly precursors: readonly PrecursorRow[];
  readonly seizures: readonly SeizureRow[];
}

const isCountry = (id: string): id is CountryCode => id === 'CN' || id === 'MX' || id === 'US';

/** Joins the validated rows with the land built for the cameras. */
export function pipelineData(
  rows: PipelineRows,
  land: Pick<Land, 'borders' | 'usMexico' | 'anchors'>,
  deaths: Deaths,
  strings: PipelineStrings,
  locale: string,
): PipelineData {
  const places = rows.places.map((r): Place => ({
    id: r.id,
    name: r.name,
    ...(r.area ? { area: r.area } : {}),
    label: r.label,
    stage: r.stage,
    lonLat: [r.lon, r.lat],
    base: toBase([r.lon, r.lat]),
    role: r.role,
    sourceIds: r.source_ids,
  }));
  const byId = new Map(places.map((p) => [p.id, p]));
  const end = (id: string, flow: string): readonly [number, number] => {
    if (isCountry(id)) return land.anchors[id];
    const p = byId.get(id);
    if (!p) throw new Error(`pipeline: flow "${flow}" names a place "${id}" that pipeline-places.csv lacks.`);
    return p.base;
  };
  const flows = rows.flows.map((r): Flow => ({
    id: r.id,
    kind: r.kind,
    stage: r.stage,
    from: r.from,
    to: r.to,
    a: end(r.from, r.id),
    b: end(r.to, r.id),
    toCountry: isCountry(r.to),
    bend: r.bend,
    sourceIds: r.source_ids,
  }));
  const seizures = rows.seizures
    .map((r): Seizure => ({
      fiscalYear: r.fiscal_year,
      year: Number(r.fiscal_year.slice(2)),
      ...(r.pounds === undefined ? {} : { pounds: r.pounds }),
      partial: r.status === 'partial',
      sourceIds: r.source_ids,
    }))
    .sort((a, b) => a.year - b.year);
  return {
    locale,
    strings,
    places,
    flows,
    facts: rows.facts,
    // In the order they came under UN control.
    precursors: [...rows.precursors].sort((a, b) => a.un_control.localeCompare(b.un_control)),
    seizures,
    deaths,
    borders: land.borders,
    usMexico: land.usMexico,
    anchors: land.anchors,
  };
}

/** The whole fiscal years the inset draws: a partial year never is. */
export const wholeYears = (data: PipelineData): (Seizure & { pounds: number })[] =>
  data.seizures.filter((s): s is Seizure & { pounds: number } => !s.partial && s.pounds !== undefined);
