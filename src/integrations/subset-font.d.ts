// subset-font 2.x ships no types: the part of its API the font integration uses.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    /** OpenType layout features to keep (four-letter tags); every feature when omitted. */
    keepFeatures?: readonly string[];
    /** Pin an axis (number) or narrow its range; `default` NaN or omitted keeps the font's default, clamped. */
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    preserveNameIds?: readonly number[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: readonly string[];
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
