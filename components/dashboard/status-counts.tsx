'use client';

import { useText, type TextKey } from './use-text';

const STATUSES = ['present', 'late', 'partial', 'absent'] as const;

/** Counts per attendance status as a small list of figures. */
export function StatusCounts({ counts, label }: { counts: Record<(typeof STATUSES)[number], number>; label?: string }) {
  const { t, formatNumber } = useText();
  return (
    <dl className="figures" aria-label={label}>
      {STATUSES.map((s) => (
        <div key={s} className={`figure att-${s}`}>
          <dt>{t(`attendance.${s}` as TextKey)}</dt>
          <dd data-testid={`count-${s}`}>{formatNumber(counts[s])}</dd>
        </div>
      ))}
    </dl>
  );
}
