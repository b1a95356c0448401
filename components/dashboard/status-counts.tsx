'use client';

import { useText, type TextKey } from '@/components/i18n/use-text';
import { Figure, Figures } from '@/components/ui/figures';

const STATUSES = ['present', 'late', 'partial', 'absent'] as const;

type Counts = Record<(typeof STATUSES)[number], number> & { inClass?: number; left?: number };

/**
 * Counts per attendance status as a small list of figures. Final statuses
 * count final records; while a class is live its records are counted as
 * in class / left instead (docs/rules.md#attendance), so the figures always
 * add up to the rows below them.
 */
export function StatusCounts({ counts, label }: { counts: Counts; label?: string }) {
  const { t, formatNumber } = useText();
  const live = (counts.inClass ?? 0) + (counts.left ?? 0) > 0;
  return (
    <Figures aria-label={label}>
      {live && (
        <>
          <Figure stripe="in_class" label={t('attendance.in_class')} value={formatNumber(counts.inClass ?? 0)} valueTestId="count-in_class" />
          <Figure stripe="left" label={t('attendance.left')} value={formatNumber(counts.left ?? 0)} valueTestId="count-left" />
        </>
      )}
      {STATUSES.map((s) => (
        <Figure key={s} stripe={s} label={t(`attendance.${s}` as TextKey)} value={formatNumber(counts[s])} valueTestId={`count-${s}`} />
      ))}
    </Figures>
  );
}
