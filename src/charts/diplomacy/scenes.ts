/** Placeholder: the diplomacy timeline's scenes (issue #10 fills this in). */
export const DIPLOMACY_SCENES = ['overview', 'explore'] as const;
export type DiplomacyScene = (typeof DIPLOMACY_SCENES)[number];
