/** Recitation mistakes by kind (docs/rules.md#recitation-log). Pure. */
export const MISTAKE_KINDS = ['memorisation', 'tajweed', 'pronunciation'] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** One mistake; surah/ayah when it was tapped on an ayah of the Mushaf. */
export interface Mistake {
  kind: MistakeKind;
  surah?: number;
  ayah?: number;
}

export const MAX_MISTAKES = 200;

export type MistakeCounts = Record<MistakeKind, number>;

export function countMistakes(mistakes: readonly Pick<Mistake, 'kind'>[]): MistakeCounts {
  const counts: MistakeCounts = { memorisation: 0, tajweed: 0, pronunciation: 0 };
  for (const m of mistakes) counts[m.kind] += 1;
  return counts;
}
