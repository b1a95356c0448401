'use client';

import { useText } from '@/components/i18n/use-text';

export interface PollView {
  id: number;
  question: string;
  options: string[];
  open: boolean;
  resultsShown: boolean;
  myChoice: number | null;
  tally: { counts: number[]; total: number; percents: number[] } | null;
  answers: { userId: number; name: string; choice: number }[] | null;
}

/** Counts per answer as bars with their numbers (the numbers are the accessible part), and for staff who answered what. */
export function PollResults({ poll }: { poll: PollView }) {
  const { t } = useText();
  if (!poll.tally) return null;
  return (
    <div data-testid={`poll-results-${poll.id}`}>
      <ul className="m-0 grid list-none gap-1 p-0">
        {poll.options.map((option, i) => (
          <li key={i} className="grid gap-0.5">
            <span>
              {option}: <strong data-testid={`poll-count-${i}`}>{poll.tally!.counts[i]}</strong> ({poll.tally!.percents[i]}%)
            </span>
            <span aria-hidden className="block h-2 rounded bg-[#e5e7eb]">
              <span className="block h-2 rounded bg-accent" style={{ inlineSize: `${poll.tally!.percents[i]}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="m-0 text-sm text-muted">{t('poll.answeredCount', { count: poll.tally.total })}</p>
      {poll.answers && poll.answers.length > 0 && (
        <details className="mt-1">
          <summary>{t('poll.whoAnswered')}</summary>
          <ul className="m-0 ps-5" data-testid={`poll-answers-${poll.id}`}>
            {poll.answers.map((a) => (
              <li key={a.userId}>
                {a.name}: {poll.options[a.choice]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
