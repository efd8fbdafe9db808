import type { SizeName } from '../types';
import type { Camera } from './camera';
import type { CountryCode, StageId } from './schemas';

/** Where a note sits: beside a place, along a flow (by id), or at a country's anchor. */
export type NoteAnchor = { readonly place: string } | { readonly flow: string } | { readonly country: CountryCode };

export interface Note {
  /** Its wordings in the locale's `notes`. */
  readonly id: string;
  readonly at: NoteAnchor;
  /** The sizes that show it (default: all); phones get fewer notes. */
  readonly sizes?: readonly SizeName[];
  /** The explore item it belongs to (picked with it). */
  readonly group?: StageId;
}

/** Flows of a stage, drawn in full or muted (context from an earlier step). */
export interface FlowLayer {
  readonly stage: StageId;
  readonly muted?: boolean;
  /** Name the flow's kind along its line (default true for unmuted flows). */
  readonly label?: boolean;
}

/**
 * What one scene of the map shows: a camera per size (the phone looks closer at the part of the route the
 * step is about; a desktop shows more), the countries filled in, the places and flows of some stages, and
 * notes. Scenes change state (camera, emphasis, what is drawn), never the map's structure.
 */
export interface SceneSpec {
  readonly camera: Readonly<Record<SizeName, Camera>>;
  /** Countries drawn emphasised. */
  readonly emphasis: readonly CountryCode[];
  /** Countries named on the map. */
  readonly countryLabels: readonly CountryCode[];
  /** Stages whose places are marked. */
  readonly places: readonly StageId[];
  /** Stages whose places are named: all sizes, and on the phone (compact) where it differs. */
  readonly placeLabels: readonly StageId[];
  readonly compactPlaceLabels?: readonly StageId[];
  readonly flows: readonly FlowLayer[];
  readonly notes: readonly Note[];
  /** Draw the US–Mexico border stronger. */
  readonly border?: boolean;
  /** Show CBP's yearly seizures in an inset, in this corner. */
  readonly inset?: Readonly<Record<SizeName, 'bottom-left' | 'top-right' | 'bottom-right'>>;
  /** Every stage at once, for the reader to pick from. */
  readonly explore?: boolean;
}

const cam = (lon: number, lat: number, span: number): Camera => ({ center: [lon, lat], span });
const none = { emphasis: [], countryLabels: [], places: [], placeLabels: [], flows: [], notes: [] } as const;

/** The whole route, China to the United States' east coast: the overview, China's 2019 control, and exploring. */
const WHOLE = { compact: cam(-172, 31, 182), medium: cam(-168, 31, 188), wide: cam(-164, 30, 194) } as const;
const ALL: readonly CountryCode[] = ['CN', 'MX', 'US'];

export const SCENES = {
  /** Before the first step: the land alone, so the first step's emphasis and names fade in. */
  entry: { ...none, camera: WHOLE },
  /** What fentanyl is: the three countries of the route. */
  overview: { ...none, camera: WHOLE, emphasis: ALL, countryLabels: ALL },
  /** Chemical makers in China. */
  chemicals: {
    ...none,
    camera: { compact: cam(114.5, 31.5, 21), medium: cam(116, 32, 30), wide: cam(121, 31, 44) },
    emphasis: ['CN'],
    countryLabels: ['CN'],
    places: ['chemicals'],
    placeLabels: ['chemicals'],
    notes: [{ id: 'charged', at: { place: 'wuhan' }, group: 'chemicals' }],
  },
  /** Brokers and shipments across the Pacific to Mexico's ports. */
  shipping: {
    ...none,
    camera: { compact: cam(-176, 26, 152), medium: cam(-176, 27, 160), wide: cam(-176, 27, 164) },
    emphasis: ['CN', 'MX'],
    countryLabels: ['CN', 'MX'],
    places: ['chemicals', 'shipping'],
    placeLabels: ['shipping'],
    flows: [{ stage: 'shipping' }],
    notes: [{ id: 'port', at: { place: 'manzanillo' }, sizes: ['medium', 'wide'], group: 'shipping' }],
  },
  /** The cartels' labs in Mexico. */
  labs: {
    ...none,
    camera: { compact: cam(-105, 22.5, 15), medium: cam(-105, 23, 22), wide: cam(-106, 24, 30) },
    emphasis: ['MX'],
    countryLabels: ['MX'],
    places: ['shipping', 'labs'],
    placeLabels: ['shipping'],
    flows: [{ stage: 'labs' }],
    notes: [
      { id: 'sinaloa', at: { place: 'culiacan' }, group: 'labs' },
      { id: 'jalisco', at: { place: 'guadalajara' }, group: 'labs' },
    ],
  },
  /** Across the border, mostly through ports of entry; CBP's seizures by fiscal year. */
  crossing: {
    ...none,
    camera: { compact: cam(-110.8, 27.6, 20.6), medium: cam(-110.5, 27.2, 25.5), wide: cam(-110, 27, 31) },
    emphasis: ['MX', 'US'],
    countryLabels: ['MX', 'US'],
    places: ['labs', 'crossing'],
    placeLabels: ['crossing'],
    flows: [{ stage: 'crossing' }],
    notes: [],
    border: true,
    inset: { compact: 'bottom-left', medium: 'bottom-left', wide: 'bottom-left' },
  },
  /** Into the United States: the deaths of "The toll". */
  streets: {
    ...none,
    camera: { compact: cam(-98, 36.5, 62), medium: cam(-99, 35, 70), wide: cam(-100, 34, 78) },
    emphasis: ['US'],
    countryLabels: ['MX', 'US'],
    places: ['crossing'],
    placeLabels: [],
    flows: [{ stage: 'crossing', label: false }],
    notes: [{ id: 'deaths', at: { country: 'US' }, group: 'streets' }],
  },
  /** The money goes back the other way. */
  money: {
    ...none,
    camera: { compact: cam(-110, 26.8, 19), medium: cam(-110, 27, 25), wide: cam(-109, 27.5, 31) },
    emphasis: ['MX', 'US'],
    countryLabels: ['MX', 'US'],
    places: ['labs', 'crossing'],
    placeLabels: ['labs'],
    flows: [{ stage: 'crossing', muted: true, label: false }, { stage: 'money' }],
    notes: [],
  },
  /** What China's 2019 class-wide control changed. */
  controls: {
    ...none,
    camera: WHOLE,
    emphasis: ALL,
    countryLabels: ALL,
    places: ['chemicals', 'shipping', 'labs', 'crossing'],
    placeLabels: [],
    flows: [{ stage: 'controls' }, { stage: 'shipping' }, { stage: 'labs', label: false }, { stage: 'crossing', label: false }],
    notes: [],
  },
  /** The reader picks a stage. */
  explore: {
    ...none,
    camera: WHOLE,
    emphasis: ALL,
    countryLabels: ALL,
    places: ['chemicals', 'shipping', 'labs', 'crossing'],
    placeLabels: [],
    flows: [
      { stage: 'shipping', label: false },
      { stage: 'labs', label: false },
      { stage: 'crossing', label: false },
      { stage: 'money', label: false },
    ],
    notes: [],
    explore: true,
  },
} as const satisfies Record<string, SceneSpec>;

export type PipelineScene = keyof typeof SCENES;
export const PIPELINE_SCENES = Object.keys(SCENES) as PipelineScene[];
