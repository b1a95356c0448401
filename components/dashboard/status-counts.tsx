'use client';

import { useText, type TextKey } from '@/components/i18n/use-text';
import { Figure, Figures } from '@/components/ui/figures';

const STATUSES = ['present', 'late', 'partial', 'absent'] as const;

/** Counts per attendance status as a small list of figures. */
export function StatusCounts({ counts, label }: { counts: Record<(typeof STATUSES)[number], number>; label?: string }) {
  const { t, formatNumber } = useText();
  return (
    <Figures aria-label={label}>
      {STATUSES.map((s) => (
        <Figure key={s} stripe={s} label={t(`attendance.${s}` as TextKey)} value={formatNumber(counts[s])} valueTestId={`count-${s}`} />
      ))}
    </Figures>
  );
}
