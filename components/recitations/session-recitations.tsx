'use client';

import { useQuery } from '@tanstack/react-query';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorText } from '@/components/ui/notice';
import type { MushafView } from '@/shared/classroom/mushaf';
import { RecitationForm } from './recitation-form';
import { RecitationList } from './recitation-list';

/**
 * A session's recitation log (docs/rules.md#recitation-log): the teacher and managers see
 * and write everyone's; a student sees their own, a parent their children's.
 * In the room, `range` prefills the form from the shared Mushaf.
 */
export function SessionRecitations({
  sessionId,
  range,
  compact = false,
  hideWhenEmpty = false,
}: {
  sessionId: number;
  range?: MushafView | null;
  compact?: boolean;
  /** Academic and course sessions show the log only when someone wrote in it. */
  hideWhenEmpty?: boolean;
}) {
  const { t } = useText();
  const trpc = useTRPC();
  const log = useQuery(trpc.recitation.listForSession.queryOptions({ sessionId }));
  if (log.error) return <ErrorText>{log.error.message}</ErrorText>;
  if (!log.data) return null;
  const { rows, students, grades, canRecord, editWindowDays } = log.data;
  if (hideWhenEmpty && rows.length === 0) return null;
  const initial = {
    studentId: students.length === 1 ? students[0]!.id : null,
    kind: 'memorisation' as const,
    fromSurah: range?.surah ?? 1,
    fromAyah: range?.fromAyah ?? 1,
    toSurah: range?.surah ?? 1,
    toAyah: range?.toAyah ?? 7,
    mistakes: [],
    grade: null,
    note: '',
  };
  return (
    <Card aria-labelledby={`recitations-${sessionId}`} className={compact ? 'mb-0 rounded-none border-0 shadow-none' : undefined} data-testid="session-recitations">
      <CardHeader>
        <h2 id={`recitations-${sessionId}`} className={compact ? 'text-base' : undefined}>
          {t('recitation.title')}
        </h2>
      </CardHeader>
      {canRecord && (
        <>
          <RecitationForm key={range ? `${range.surah}:${range.fromAyah}:${range.toAyah}` : 'free'} sessionId={sessionId} students={students} grades={grades} initial={initial} />
          <p className="text-sm text-muted">{t('recitation.editWindow', { days: editWindowDays })}</p>
        </>
      )}
      <RecitationList rows={rows} edit={canRecord ? { sessionId, grades } : undefined} />
    </Card>
  );
}
