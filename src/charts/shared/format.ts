/** Fills `{name}` placeholders; a placeholder without a value is an error, so copy and code cannot drift apart. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`Template "${template}" needs a value for {${name}}.`);
    return String(v);
  });
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** 107,941 */
export const formatCount = (n: number, locale: string): string => numberFormat(locale, { maximumFractionDigits: 0 }).format(n);

/** 100K, for axis ticks */
export const formatCompact = (n: number, locale: string): string =>
  numberFormat(locale, { notation: 'compact', maximumFractionDigits: 0 }).format(n);

/** "May 2019" (short), "August 2022" (long) or "5 August 2022" (day), from an ISO date as precise as its source. */
export function formatDate(iso: string, locale: string, style: 'month' | 'long' | 'day' = 'month'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: style === 'month' ? 'short' : 'long', timeZone: 'UTC' };
  if (style === 'day' && d !== undefined) opts.day = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(date);
}

/** A date as a fractional year, at the middle of its day (or of its month when no day is given). */
export function decimalYear(iso: string): number {
  const [y = 1970, m = 1, d] = iso.split('-').map(Number);
  const start = Date.UTC(y, 0, 1);
  const length = Date.UTC(y + 1, 0, 1) - start;
  const at = d === undefined ? (Date.UTC(y, m - 1, 1) + Date.UTC(y, m, 1)) / 2 : Date.UTC(y, m - 1, d) + 43_200_000;
  return y + (at - start) / length;
}
