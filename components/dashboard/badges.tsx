'use client';

import { useText, type TextKey } from '@/components/i18n/use-text';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ErrorText, Muted } from '@/components/ui/notice';

/** in_class and left are a live record's provisional states (docs/rules.md#attendance), never a final status. */
const ATTENDANCE_TONE: Record<string, BadgeTone> = { present: 'success', late: 'warning', partial: 'caution', absent: 'danger', in_class: 'live', left: 'muted' };
const SESSION_TONE: Record<string, BadgeTone> = { ongoing: 'live', cancelled: 'muted', absent: 'muted' };
/** A recording's state, coloured like attendance: recording now stands out, finished is green, failed red. */
const RECORDING_TONE: Record<string, BadgeTone> = { starting: 'warning', active: 'live', ending: 'warning', complete: 'success', failed: 'danger' };

export function AttendanceBadge({ status }: { status: string }) {
  const { t } = useText();
  return (
    <Badge tone={ATTENDANCE_TONE[status]} data-status={status}>
      {t(`attendance.${status}` as TextKey)}
    </Badge>
  );
}

export function SessionStatusBadge({ status }: { status: string }) {
  const { t } = useText();
  return <Badge tone={SESSION_TONE[status]}>{t(`status.${status}` as TextKey)}</Badge>;
}

export function RecordingStatusBadge({ status }: { status: string }) {
  const { t } = useText();
  return (
    <Badge tone={RECORDING_TONE[status]} data-status={status}>
      {t(`recording.${status}` as TextKey)}
    </Badge>
  );
}

export function KindLabel({ kind }: { kind: string }) {
  const { t } = useText();
  return <>{t(`kind.${kind}` as TextKey)}</>;
}

/** A query's loading and error states, said the same way everywhere. */
export function QueryState({ loading, error }: { loading: boolean; error: { message: string } | null }) {
  const { t } = useText();
  if (error)
    return (
      <ErrorText>
        {t('loadFailed')} {error.message}
      </ErrorText>
    );
  if (loading)
    return (
      <Muted aria-live="polite" data-loading>
        {t('loading')}
      </Muted>
    );
  return null;
}
