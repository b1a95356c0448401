/** Poll tallies (docs/rules.md#teaching-tools): one answer per person, the last one counts. Pure. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

export interface PollAnswer {
  userId: number;
  choice: number;
}

export interface Tally {
  counts: number[];
  total: number;
  /** Whole percentages per option; 0 when nobody answered. */
  percents: number[];
}

/** Counts per option; answers naming no option are ignored, a person counts once (their last answer). */
export function tallyPoll(optionCount: number, answers: readonly PollAnswer[]): Tally {
  const last = new Map<number, number>();
  for (const a of answers) if (Number.isInteger(a.choice) && a.choice >= 0 && a.choice < optionCount) last.set(a.userId, a.choice);
  const counts = Array.from({ length: optionCount }, () => 0);
  for (const choice of last.values()) counts[choice]! += 1;
  const total = last.size;
  return { counts, total, percents: counts.map((c) => (total ? Math.round((c / total) * 100) : 0)) };
}
