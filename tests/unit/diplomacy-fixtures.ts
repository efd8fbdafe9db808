import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { diplomacyData, type DiplomacyData } from '../../src/charts/diplomacy/data';
import { diplomacyStrings } from '../../src/charts/diplomacy/strings';
import { milestoneRow } from '../../src/data/schemas';
import { deathRows, readRows } from './fixtures';

/** The timeline's input from the real content files, parsed the way the build parses them (its own words only). */
export function realDiplomacyData(): DiplomacyData {
  const words = diplomacyStrings.parse(parse(readFileSync('content/locales/en.diplomacy.yaml', 'utf8')));
  const { locale } = parse(readFileSync('content/locales/en.yaml', 'utf8')) as { locale: string };
  const milestones = readRows('content/data/milestones.csv', milestoneRow, (r) => r.id);
  return diplomacyData(milestones, deathRows(), words, locale);
}
