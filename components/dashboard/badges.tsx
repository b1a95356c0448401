'use client';

import { useText, type TextKey } from './use-text';

export function AttendanceBadge({ status }: { status: string }) {
  const { t } = useText();
  return (
    <span className={`badge att-${status}`} data-status={status}>
      {t(`attendance.${status}` as TextKey)}
    </span>
  );
}

export function SessionStatusBadge({ status }: { status: string }) {
  const { t } = useText();
  return <span className={`badge ${status}`}>{t(`status.${status}` as TextKey)}</span>;
}

/** A recording's state, coloured like attendance: recording now stands out, finished is green, failed red. */
const RECORDING_BADGE: Record<string, string> = {
  starting: 'att-late',
  active: 'ongoing',
  ending: 'att-late',
  complete: 'att-present',
  failed: 'att-absent',
};

export function RecordingStatusBadge({ status }: { status: string }) {
  const { t } = useText();
  return (
    <span className={`badge ${RECORDING_BADGE[status] ?? ''}`} data-status={status}>
      {t(`recording.${status}` as TextKey)}
    </span>
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
      <p role="alert" className="error">
        {t('loadFailed')} {error.message}
      </p>
    );
  if (loading)
    return (
      <p className="muted" aria-live="polite">
        {t('loading')}
      </p>
    );
  return null;
}
