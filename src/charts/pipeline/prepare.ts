import type { PreparedChart } from '../../data/prepare-chart';
import type { LocaleStrings } from '../../data/locale-schema';

/** Placeholder: the supply-chain map's build-time preparation. */
export async function preparePipeline(...args: [strings: LocaleStrings, title: string]): Promise<PreparedChart> {
  void args;
  throw new Error('The supply-chain map ("pipeline") is not built yet.');
}
