import { getCollection, getEntry } from 'astro:content';
import type { LocaleStrings } from './locale-schema';
import type { SourceRow } from './schemas';

/** The sources behind these ids, once each, in id order. */
export async function getSources(ids: readonly string[]): Promise<SourceRow[]> {
  const all = new Map((await getCollection('sources')).map((e) => [e.id, e.data]));
  return [...new Set(ids)].sort().flatMap((id) => {
    const s = all.get(id);
    if (!s) throw new Error(`Source ${id} is cited but missing from content/data/sources.csv.`);
    return [s];
  });
}

export async function getLocale(locale = 'en'): Promise<LocaleStrings> {
  const entry = await getEntry('locales', locale);
  if (!entry) throw new Error(`No content/locales/${locale}.yaml.`);
  return entry.data;
}
