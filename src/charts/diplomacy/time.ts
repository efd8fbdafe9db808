/**
 * The timeline's dates: an event is placed at its day when the source gives one, and in the middle of its
 * month when the source gives only the month (never at an invented day); labels say as much as the source
 * ("May 2019", "Nov 15, 2023"). Annual death counts span their calendar year. UTC throughout.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import type { MonthWindow } from './scenes';

export type Precision = 'day' | 'month';

/** The parts of an ISO date as precise as its source: `YYYY-MM` or `YYYY-MM-DD`. */
export function dateParts(iso: string): { year: number; month: number; day?: number } {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date written YYYY-MM or YYYY-MM-DD`);
  return { year: Number(m[1]), month: Number(m[2]), ...(m[3] === undefined ? {} : { day: Number(m[3]) }) };
}

export const precisionOf = (iso: string): Precision => (dateParts(iso).day === undefined ? 'month' : 'day');

/** Where an event sits on the time axis: the middle of its day, or the middle of its month when the day is not known. */
export function eventTime(iso: string): Date {
  const { year, month, day } = dateParts(iso);
  if (day === undefined) {
    const start = new Date(Date.UTC(year, month - 1, 1));
    return new Date((start.getTime() + utcMonth.offset(start, 1).getTime()) / 2);
  }
  const start = new Date(Date.UTC(year, month - 1, day));
  return new Date((start.getTime() + utcDay.offset(start, 1).getTime()) / 2);
}

/** The instants a window spans: from the start of its first month to the end of its last. */
export function windowDomain([first, last]: MonthWindow): [Date, Date] {
  const a = dateParts(first);
  const b = dateParts(last);
  return [new Date(Date.UTC(a.year, a.month - 1, 1)), utcMonth.offset(new Date(Date.UTC(b.year, b.month - 1, 1)), 1)];
}

/** The time axis of a window across [x0, x1]. */
export const timeScale = (window: MonthWindow, x0: number, x1: number): ScaleTime<number, number> =>
  scaleUtc().domain(windowDomain(window)).range([x0, x1]);

/** A calendar year as the span the deaths line draws its count across. */
export const yearSpan = (year: number): [Date, Date] => [new Date(Date.UTC(year, 0, 1)), utcYear.offset(new Date(Date.UTC(year, 0, 1)), 1)];

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

/** "Nov 15, 2023" for a day, "May 2019" for a month: no more precise than the source. */
export function eventDateLabel(iso: string, locale: string): string {
  const { year, month, day } = dateParts(iso);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return dateFormat(locale, { year: 'numeric', month: 'short', ...(day === undefined ? {} : { day: 'numeric' }) }).format(date);
}

/** "November 15, 2023" or "May 2019": the same, in full, for tables and text. */
export function eventDateLong(iso: string, locale: string): string {
  const { year, month, day } = dateParts(iso);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return dateFormat(locale, { year: 'numeric', month: 'long', ...(day === undefined ? {} : { day: 'numeric' }) }).format(date);
}

/** Axis labels: the year at a January tick ("2024"), else the month ("Apr"). */
export function tickLabel(date: Date, locale: string): string {
  return date.getUTCMonth() === 0
    ? dateFormat(locale, { year: 'numeric' }).format(date)
    : dateFormat(locale, { month: 'short' }).format(date);
}

/**
 * Ticks for a window: years when it spans three years or more, else months; labelled every `step`
 * years or months (the fewest that leave room between labels; months at most every other one).
 */
export function axisTicks(
  scale: ScaleTime<number, number>,
  labelWidth: (text: string) => number,
  locale: string,
): { date: Date; label: string | undefined }[] {
  const [start, end] = scale.domain() as [Date, Date];
  const years = (end.getTime() - start.getTime()) / (365.25 * 864e5);
  const unit = years >= 3 ? utcYear : utcMonth;
  const all = unit.range(unit.ceil(start), end);
  const px = Math.abs(scale(unit.offset(start, 1)) - scale(start));
  // Every year where there is room; months at most every other one (each label is repeated in every static chart).
  const steps = years >= 3 ? [1, 2, 5] : [2, 3, 6];
  const widest = Math.max(...all.map((d) => labelWidth(tickLabel(d, locale))));
  const step = steps.find((s) => s * px >= widest * 1.35) ?? steps.at(-1)!;
  const index = (d: Date) => (years >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() * 12 + d.getUTCMonth());
  return all.map((date) => ({ date, label: index(date) % step === 0 ? tickLabel(date, locale) : undefined }));
}
