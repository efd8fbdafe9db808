import type { PreparedChart } from '../../data/prepare-chart';
import type { LocaleStrings } from '../../data/locale-schema';

/** Placeholder: the diplomacy timeline's build-time preparation. */
export async function prepareDiplomacy(...args: [strings: LocaleStrings, title: string]): Promise<PreparedChart> {
  void args;
  throw new Error('The diplomacy timeline ("diplomacy") is not built yet.');
}
